#include "ContributionBar.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPen>
#include <QStyle>

#include <algorithm>
#include <array>
#include <cmath>

namespace fl {

namespace {

// Okabe–Ito, with grey in place of black (a black segment would read as the zero line or a shadow).
// The first six belong to the usual part names, in this order.
const std::array<QColor, 8> kColors = {
    QColor(0, 114, 178),    // blue: text
    QColor(230, 159, 0),    // orange: image
    QColor(0, 158, 115),    // bluish green: price
    QColor(204, 121, 167),  // reddish purple: collaborative
    QColor(140, 140, 140),  // grey: bias
    QColor(86, 180, 233),   // sky blue: popularity
    QColor(213, 94, 0),     // vermillion
    QColor(240, 228, 66),   // yellow
};
constexpr int kNamedColors = 6;

int fixedIndex(const QString &part)
{
    static const QStringList names = {QStringLiteral("text"), QStringLiteral("image"), QStringLiteral("price"),
                                      QStringLiteral("collaborative"), QStringLiteral("bias"), QStringLiteral("popularity")};
    return int(names.indexOf(part.toLower()));
}

const QColor kZeroLineColor(45, 45, 45);
const QColor kScoreMarkerColor(0, 0, 0);

} // namespace

void ContributionScale::include(const std::vector<ScoreContribution> &parts)
{
    double below = 0;
    double above = 0;
    for (const ScoreContribution &c : parts) {
        if (!std::isfinite(c.value))
            continue;
        if (c.value < 0)
            below -= c.value;
        else
            above += c.value;
    }
    negative = std::max(negative, below);
    positive = std::max(positive, above);
}

double contributionZeroX(const ContributionScale &scale, const QRectF &area)
{
    const double total = scale.negative + scale.positive;
    if (!(total > 0))
        return area.center().x();
    return area.left() + area.width() * scale.negative / total;
}

std::vector<ContributionSegment> layoutContributions(const std::vector<ScoreContribution> &parts,
                                                     const ContributionScale &scale, const QRectF &area)
{
    std::vector<ContributionSegment> segments;
    const double total = scale.negative + scale.positive;
    if (!(total > 0))
        return segments;
    const double unit = area.width() / total;
    const double zero = contributionZeroX(scale, area);
    double right = zero;
    double left = zero;
    for (const ScoreContribution &c : parts) {
        if (!std::isfinite(c.value) || c.value == 0)
            continue;
        const double width = std::abs(c.value) * unit;
        if (c.value > 0) {
            segments.push_back({c.part, c.value, QRectF(right, area.top(), width, area.height())});
            right += width;
        } else {
            left -= width;
            segments.push_back({c.part, c.value, QRectF(left, area.top(), width, area.height())});
        }
    }
    return segments;
}

QColor ContributionPalette::color(const QString &part)
{
    auto it = m_index.constFind(part);
    if (it == m_index.cend()) {
        int index = fixedIndex(part);
        if (index < 0) {
            int others = 0;
            for (const QString &name : std::as_const(m_order)) {
                if (fixedIndex(name) < 0)
                    ++others;
            }
            index = kNamedColors + others;
        }
        it = m_index.insert(part, index);
        m_order.append(part);
    }
    return kColors[size_t(*it % int(kColors.size()))];
}

QBrush ContributionPalette::brush(const QString &part)
{
    const QColor c = color(part);
    // Beyond the eight colours the cycle repeats with a hatch, so two parts never look the same.
    return m_index.value(part) < int(kColors.size()) ? QBrush(c) : QBrush(c, Qt::BDiagPattern);
}

QString contributionPartName(const QString &part)
{
    switch (fixedIndex(part)) {
    case 0: return QCoreApplication::translate("fl::ContributionBar", "text");
    case 1: return QCoreApplication::translate("fl::ContributionBar", "image");
    case 2: return QCoreApplication::translate("fl::ContributionBar", "price");
    case 3: return QCoreApplication::translate("fl::ContributionBar", "collaborative");
    case 4: return QCoreApplication::translate("fl::ContributionBar", "bias");
    case 5: return QCoreApplication::translate("fl::ContributionBar", "popularity");
    }
    if (part == QLatin1String("content"))
        return QCoreApplication::translate("fl::ContributionBar", "content");
    if (part == QLatin1String("personal"))
        return QCoreApplication::translate("fl::ContributionBar", "personal");
    if (part == QLatin1String("random"))
        return QCoreApplication::translate("fl::ContributionBar", "random");
    return part;
}

QString signedNumber(double value, int decimals)
{
    if (!std::isfinite(value))
        return QLocale().toString(value);
    const QString magnitude = QLocale().toString(std::abs(value), 'f', decimals);
    if (magnitude == QLocale().toString(0.0, 'f', decimals))
        return magnitude;
    return (value < 0 ? QString(QChar(0x2212)) : QStringLiteral("+")) + magnitude;
}

ContributionDelegate::ContributionDelegate(PartsFn partsOf, ScoreFn scoreOf, const ContributionScale *scale,
                                           ContributionPalette *palette, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_partsOf(std::move(partsOf))
    , m_scoreOf(std::move(scoreOf))
    , m_scale(scale)
    , m_palette(palette)
{
}

QRectF ContributionDelegate::barArea(const QRect &cell)
{
    const double inset = std::max(6.0, cell.height() * 0.24);
    return QRectF(cell).adjusted(12, inset, -12, -inset * 0.8);
}

void ContributionDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem background(option);
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const std::vector<ScoreContribution> *parts = m_partsOf(index);
    if (!parts)
        return;
    const QRectF area = barArea(option.rect);
    if (area.width() < 4 || area.height() < 2)
        return;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    const std::vector<ContributionSegment> segments = layoutContributions(*parts, *m_scale, area);
    for (const ContributionSegment &s : segments) {
        const QColor c = m_palette->color(s.part);
        const QBrush brush = m_palette->brush(s.part);
        if (brush.style() != Qt::SolidPattern)
            painter->fillRect(s.rect, c.lighter(160));
        painter->fillRect(s.rect, brush);
        // A darker edge keeps light colours (yellow, sky blue) apart from the background and neighbours.
        painter->setPen(QPen(c.darker(140), 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(s.rect.adjusted(0.5, 0.5, -0.5, -0.5));
    }

    // The zero line across the cell, and the net score as a marker above the bar.
    const double zero = contributionZeroX(*m_scale, area);
    painter->setPen(QPen(kZeroLineColor, 2));
    painter->drawLine(QPointF(zero, option.rect.top() + 3), QPointF(zero, option.rect.bottom() - 2));
    const double total = m_scale->negative + m_scale->positive;
    const double score = m_scoreOf(index);
    if (total > 0 && std::isfinite(score)) {
        const double x = std::clamp(zero + score * area.width() / total, area.left(), area.right());
        const double size = std::clamp(area.top() - option.rect.top() - 2.0, 5.0, 9.0);
        QPainterPath marker;
        marker.moveTo(x - size * 0.75, area.top() - size - 1);
        marker.lineTo(x + size * 0.75, area.top() - size - 1);
        marker.lineTo(x, area.top() - 1);
        marker.closeSubpath();
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->setPen(Qt::NoPen);
        painter->setBrush(kScoreMarkerColor);
        painter->drawPath(marker);
    }
    painter->restore();
}

QSize ContributionDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return QSize(240, std::max(option.fontMetrics.height() + 12, 32));
}

} // namespace fl
