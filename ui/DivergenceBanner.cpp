#include "DivergenceBanner.h"

#include <QPainter>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace fl {

DivergenceBanner::DivergenceBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("divergenceBanner"));
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

void DivergenceBanner::paintEvent(QPaintEvent *event)
{
    // Painted rather than styled: a style sheet would keep the banner from following palette changes
    // (Qt sends them only to widgets without one). Orange on pale orange, or on dark brown in a dark
    // palette; the text is the palette's own.
    QFrame::paintEvent(event);
    const QPalette &p = palette();
    const bool dark = p.color(QPalette::Window).lightness() < p.color(QPalette::WindowText).lightness();
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(dark ? QColor(255, 138, 61) : QColor(213, 94, 0), 2));
    painter.setBrush(dark ? QColor(63, 29, 8) : QColor(253, 231, 217));
    painter.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 4, 4);
}

QString DivergenceBanner::message() const
{
    return isVisible() ? m_text->text() : QString();
}

} // namespace fl
