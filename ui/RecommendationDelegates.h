#pragma once

// The Recommendations page's delegates: the thumbnail and title cells of the top-K table (the
// contributions column is a ContributionBar) and the tiles of the history strip.

#include "RecommendationModels.h"

#include <QPainter>
#include <QStyledItemDelegate>

namespace fl::recommendations {

// Paints a thumbnail tile into rect: the picture, a grey placeholder while loading, or "no image".
void paintThumbnail(QPainter *painter, const QRect &tile, State state, const QImage &image, const QFont &font);

void paintBackground(QPainter *painter, const QStyleOptionViewItem &option);

class ThumbnailDelegate : public QStyledItemDelegate
{
public:
    ThumbnailDelegate(int side, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_side(side)
    {
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem o(option);
        initStyleOption(&o, index);
        paintBackground(painter, o);
        const QRect cell = option.rect.adjusted(3, 3, -3, -3);
        const int side = std::min({m_side, cell.width(), cell.height()});
        const QRect tile(cell.center().x() - side / 2 + 1, cell.center().y() - side / 2 + 1, side, side);
        paintThumbnail(painter, tile, State(index.data(Panel::ThumbnailStateRole).toInt()),
                       index.data(Qt::DecorationRole).value<QImage>(), option.font);
    }

    QSize sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const override { return QSize(m_side + 8, m_side + 6); }

private:
    int m_side;
};

// The title, elided, followed by a "cold start" badge for cold items.
class TitleDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static QString badgeText() { return RecommendationsPanel::tr("cold start"); }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem o(option);
        initStyleOption(&o, index);
        paintBackground(painter, o);
        const bool cold = index.data(Panel::ColdRole).toBool();
        const QRect cell = option.rect.adjusted(6, 0, -6, 0);
        QFont badgeFont = option.font;
        badgeFont.setBold(true);
        badgeFont.setPointSizeF(std::max(10.0, option.font.pointSizeF() * 0.85));
        const QFontMetrics badgeMetrics(badgeFont);
        const int badgeWidth = cold ? badgeMetrics.horizontalAdvance(badgeText()) + 14 : 0;
        const int gap = cold ? 8 : 0;
        const int textRoom = std::max(0, cell.width() - badgeWidth - gap);
        const QString title = option.fontMetrics.elidedText(o.text, Qt::ElideRight, textRoom);
        const int textWidth = option.fontMetrics.horizontalAdvance(title);

        painter->save();
        const bool selected = option.state & QStyle::State_Selected;
        painter->setPen(selected ? option.palette.color(QPalette::HighlightedText) : option.palette.color(QPalette::Text));
        painter->setFont(option.font);
        painter->drawText(QRect(cell.left(), cell.top(), textRoom, cell.height()), Qt::AlignLeft | Qt::AlignVCenter, title);
        if (cold) {
            const int h = badgeMetrics.height() + 4;
            const QRectF badge(cell.left() + textWidth + gap, cell.center().y() - h / 2.0 + 1, badgeWidth, h);
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(Qt::NoPen);
            painter->setBrush(kBadgeColor);
            painter->drawRoundedRect(badge, h / 2.0, h / 2.0);
            painter->setPen(Qt::white);
            painter->setFont(badgeFont);
            painter->drawText(badge, Qt::AlignCenter, badgeText());
        }
        painter->restore();
    }
};

// A history tile: the thumbnail at the left, the title (two lines) and the rating at the right.
class HistoryDelegate : public QStyledItemDelegate
{
public:
    HistoryDelegate(const HistoryModel *model, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_model(model)
    {
    }

    bool showThumbnails = true;

    int thumbnailSide() const { return showThumbnails ? kHistoryThumbnail : 0; }

    QSize tileSize(const QFontMetrics &metrics) const
    {
        const int textWidth = std::max(130, 17 * metrics.averageCharWidth());
        const int textHeight = 3 * metrics.lineSpacing() + 6;
        return QSize(thumbnailSide() + (showThumbnails ? 8 : 0) + textWidth + 12, std::max(thumbnailSide() + 8, textHeight));
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return tileSize(option.fontMetrics);
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem o(option);
        initStyleOption(&o, index);
        paintBackground(painter, o);
        const QRect cell = option.rect.adjusted(4, 4, -4, -4);
        int textLeft = cell.left();
        if (showThumbnails) {
            const QRect tile(cell.left(), cell.center().y() - kHistoryThumbnail / 2, kHistoryThumbnail, kHistoryThumbnail);
            paintThumbnail(painter, tile, State(index.data(Panel::ThumbnailStateRole).toInt()),
                           index.data(Qt::DecorationRole).value<QImage>(), option.font);
            textLeft = tile.right() + 8;
        }
        const QRect text(textLeft, cell.top(), cell.right() - textLeft, cell.height());
        const QFontMetrics &fm = option.fontMetrics;
        const bool selected = option.state & QStyle::State_Selected;
        painter->save();
        painter->setFont(option.font);
        painter->setPen(selected ? option.palette.color(QPalette::HighlightedText) : option.palette.color(QPalette::Text));
        // Two lines of title, the second elided.
        const QString title = o.text;
        QString first = title;
        QString second;
        if (fm.horizontalAdvance(title) > text.width()) {
            int cut = title.size();
            while (cut > 1 && fm.horizontalAdvance(title.left(cut)) > text.width())
                --cut;
            const int space = int(title.left(cut + 1).lastIndexOf(QLatin1Char(' ')));
            if (space > 0)
                cut = space;
            first = title.left(cut);
            second = fm.elidedText(title.mid(cut).trimmed(), Qt::ElideRight, text.width());
        }
        const int lines = second.isEmpty() ? 1 : 2;
        const bool rated = !m_model->implicit();
        const int block = (lines + (rated ? 1 : 0)) * fm.lineSpacing();
        int y = text.top() + std::max(0, (text.height() - block) / 2);
        painter->drawText(QRect(text.left(), y, text.width(), fm.lineSpacing()), Qt::AlignLeft | Qt::AlignVCenter, first);
        y += fm.lineSpacing();
        if (!second.isEmpty()) {
            painter->drawText(QRect(text.left(), y, text.width(), fm.lineSpacing()), Qt::AlignLeft | Qt::AlignVCenter, second);
            y += fm.lineSpacing();
        }
        if (rated) {
            QFont bold = option.font;
            bold.setBold(true);
            painter->setFont(bold);
            if (!selected)
                painter->setPen(kMutedColor);
            const QString rating = RecommendationsPanel::tr("rated %1").arg(ratingText(index.data(Panel::ScoreRole).toDouble()));
            painter->drawText(QRect(text.left(), y, text.width(), fm.lineSpacing()), Qt::AlignLeft | Qt::AlignVCenter,
                              QFontMetrics(bold).elidedText(rating, Qt::ElideRight, text.width()));
        }
        painter->restore();
    }

private:
    const HistoryModel *m_model;
};

} // namespace fl::recommendations
