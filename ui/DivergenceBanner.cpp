#include "DivergenceBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace fl {

DivergenceBanner::DivergenceBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("divergenceBanner"));
    setStyleSheet(QStringLiteral("#divergenceBanner { background: #fde7d9; border: 2px solid #d55e00; border-radius: 4px; }"
                                 "#divergenceBanner QLabel { color: #3d1600; }"));
    auto *layout = new QHBoxLayout(this);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = m_text->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    m_text->setFont(font);
    m_retry = new QPushButton(tr("Lower η ×10 and retry"), this);
    m_retry->setToolTip(tr("Divide the learning rate by ten and start the run again."));
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Hide this message"));
    close->setAutoRaise(true);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retry);
    layout->addWidget(close, 0, Qt::AlignTop);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT retryRequested();
    });
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void DivergenceBanner::showDivergence(const QString &message)
{
    m_text->setText(message);
    m_retry->show();
    show();
}

void DivergenceBanner::showError(const QString &message)
{
    m_text->setText(message);
    m_retry->hide();
    show();
}

QString DivergenceBanner::message() const
{
    return isVisible() ? m_text->text() : QString();
}

} // namespace fl
