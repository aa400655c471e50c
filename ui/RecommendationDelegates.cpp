#include "RecommendationDelegates.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

#include <algorithm>

namespace fl::recommendations {

// Paints a thumbnail tile into rect: the picture, a grey placeholder while loading, or "no image".
void paintThumbnail(QPainter *painter, const QRect &tile, State state, const QImage &image, const QFont &font)
{
    painter->save();
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    if (state == State::Ready && !image.isNull()) {
        QSizeF size = QSizeF(image.size()).scaled(QSizeF(tile.size()), Qt::KeepAspectRatio);
        const QRectF target(tile.center().x() + 1 - size.width() / 2, tile.center().y() + 1 - size.height() / 2,
                            size.width(), size.height());
        painter->drawImage(target, image);
    } else if (state == State::Loading) {
        painter->fillRect(tile, QColor(236, 236, 236));
    } else {
        painter->setPen(QPen(QColor(150, 150, 150), 1, Qt::DashLine));
        painter->setBrush(QColor(248, 248, 248));
        painter->drawRect(QRectF(tile).adjusted(0.5, 0.5, -0.5, -0.5));
        painter->setPen(kMutedColor);
        QFont small = font;
        small.setItalic(true);
        small.setPointSizeF(std::max(7.0, font.pointSizeF() * 0.8));
        painter->setFont(small);
        painter->drawText(tile.adjusted(2, 2, -2, -2), Qt::AlignCenter | Qt::TextWordWrap, RecommendationsPanel::tr("no image"));
    }
    painter->restore();
}

void paintBackground(QPainter *painter, const QStyleOptionViewItem &option)
{
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    QStyleOptionViewItem background(option);
    background.text.clear();
    background.icon = QIcon();
    background.features &= ~QStyleOptionViewItem::HasDecoration;
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
}

} // namespace fl::recommendations
