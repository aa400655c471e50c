#pragma once

// The stacked bar that shows why an item scored as it did: one segment per part of
// Recommender::explain(), negative parts to the left of a zero line and positive ones to the right,
// in the order the model gave them (the first part sits next to the zero line). All rows of a table
// share one ContributionScale, so a longer bar means a larger contribution in every row.
//
// Colours are Okabe–Ito (as in the loss chart): the usual part names have fixed colours (text blue,
// image orange, price bluish green, collaborative reddish purple, bias grey, popularity sky blue);
// other names take the remaining colours in order of first appearance, then repeat with a hatch.

#include "engine/models/Recommender.h"

#include <QBrush>
#include <QColor>
#include <QHash>
#include <QRectF>
#include <QString>
#include <QStyledItemDelegate>

#include <functional>
#include <vector>

namespace fl {

// The widest extent of the rows' bars on each side of zero (both ≥ 0).
struct ContributionScale
{
    double negative = 0;   // largest sum of a row's negative parts, as a magnitude
    double positive = 0;   // largest sum of a row's positive parts

    void include(const std::vector<ScoreContribution> &parts);
    bool isEmpty() const { return !(negative > 0) && !(positive > 0); }
};

// One painted segment: the part, its value and where it goes, in pixels.
struct ContributionSegment
{
    QString part;
    double value = 0;
    QRectF rect;
};

// Where the zero line of area falls for scale (the middle when the scale is empty).
double contributionZeroX(const ContributionScale &scale, const QRectF &area);

// The segments of parts inside area: positive parts from the zero line rightwards, negative parts from
// it leftwards, each in the order of parts. Parts that are zero (or not finite) get no segment.
std::vector<ContributionSegment> layoutContributions(const std::vector<ScoreContribution> &parts,
                                                     const ContributionScale &scale, const QRectF &area);

// Colours by part name, stable for the palette's lifetime.
class ContributionPalette
{
public:
    QColor color(const QString &part);
    QBrush brush(const QString &part);
    // The names coloured so far, in order of first use.
    QStringList parts() const { return m_order; }

private:
    QHash<QString, int> m_index;
    QStringList m_order;
};

// A part name as shown to the user ("collaborative" → its translation; unknown names as they are).
QString contributionPartName(const QString &part);

// "+0.412", "−0.120" (a true minus sign), "0" — with the given decimals.
QString signedNumber(double value, int decimals = 3);

// Paints a row's contribution bar. It reads the parts of a row through partsOf (the table's model
// knows them) and the shared scale and palette through the getters, all owned by the panel.
class ContributionDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using PartsFn = std::function<const std::vector<ScoreContribution> *(const QModelIndex &)>;
    using ScoreFn = std::function<double(const QModelIndex &)>;

    ContributionDelegate(PartsFn partsOf, ScoreFn scoreOf, const ContributionScale *scale, ContributionPalette *palette,
                         QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The bar's area inside a cell: what paint() and the tests use.
    static QRectF barArea(const QRect &cell);

private:
    PartsFn m_partsOf;
    ScoreFn m_scoreOf;
    const ContributionScale *m_scale;
    ContributionPalette *m_palette;
};

} // namespace fl
