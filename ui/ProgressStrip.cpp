#include "ProgressStrip.h"

#include <QHBoxLayout>
#include <QProgressBar>
#include <QToolButton>

#include <algorithm>
#include <cmath>

namespace fl {

namespace {
constexpr int kShowAfterMs = 500;
constexpr int kSteps = 1000;
} // namespace

ProgressStrip::ProgressStrip(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, kSteps);
    m_bar->setMinimumWidth(220);
    m_bar->setTextVisible(true);
    m_cancel = new QToolButton(this);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop this work; what was loaded before stays as it was."));
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    m_showTimer.setSingleShot(true);
    m_showTimer.setInterval(kShowAfterMs);
    connect(&m_showTimer, &QTimer::timeout, this, [this] {
        if (m_active)
            show();
    });
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        if (m_onCancel)
            m_onCancel();
    });
    hide();
}

void ProgressStrip::begin(const QString &what, std::function<void()> onCancel)
{
    m_onCancel = std::move(onCancel);
    m_bar->setFormat(tr("%1 %p%").arg(what));
    m_bar->setValue(0);
    m_cancel->setEnabled(bool(m_onCancel));
    if (!m_active) {
        m_active = true;
        m_showTimer.start();
    }
}

void ProgressStrip::setFraction(double fraction)
{
    if (!std::isfinite(fraction))
        return;
    m_bar->setValue(int(std::lround(std::clamp(fraction, 0.0, 1.0) * kSteps)));
}

void ProgressStrip::finish()
{
    m_active = false;
    m_showTimer.stop();
    m_onCancel = nullptr;
    hide();
}

} // namespace fl
