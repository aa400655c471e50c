#include "RecommendationsPanel.h"

#include "ContributionBar.h"
#include "Fonts.h"
#include "Language.h"
#include "ThumbnailCache.h"

#include <QAbstractListModel>
#include <QAbstractTableModel>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStringListModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <span>

namespace fl {

namespace {

using Panel = RecommendationsPanel;
using State = RecommendationsPanel::ThumbnailState;

constexpr int kTableThumbnail = 40;     // logical pixels, square
constexpr int kHistoryThumbnail = 56;
constexpr int kHistoryCap = 40;         // tiles in the history strip; the rest are counted
constexpr int kDefaultAsyncThreshold = 20000;
constexpr int kMaxK = 1000;

const QColor kTextColor(40, 40, 40);
const QColor kMutedColor(90, 90, 90);
const QColor kBadgeColor(45, 45, 45);

QString number(qint64 value)
{
    return QLocale().toString(value);
}

// In the window's language when the dataset has titles in it (the demo has English and Chinese ones).
QString titleOf(const Dataset &d, int item)
{
    return d.itemTitle(item, Language::current());
}

const ModalitySource *imageModality(const Dataset &d)
{
    for (const ModalitySource &m : d.modalities) {
        if (m.kind == ModalityKind::Image)
            return &m;
    }
    return nullptr;
}

// Timestamps as dates when they look like Unix seconds or milliseconds, else as numbers.
QString timeText(qint64 t)
{
    if (t >= 100'000'000 && t < 100'000'000'000)
        return QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    if (t >= 100'000'000'000 && t < 100'000'000'000'000)
        return QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    return number(t);
}

QString ratingText(double value)
{
    return QLocale().toString(value, 'g', 6);
}

// Looks up item thumbnails of one size in the panel's cache.
struct Thumbnails
{
    ThumbnailCache *cache = nullptr;
    const ModalitySource *image = nullptr;  // of the current dataset; null without images
    QSize pixels;

    State state(int item, QImage *out) const
    {
        if (!image || item < 0 || item >= int(image->imagePaths.size()) || image->imagePaths[item].isEmpty()
            || (size_t(item) < image->missing.size() && image->missing[size_t(item)]))
            return State::NoImage;
        switch (cache->lookup(image->imagePaths[item], pixels, out)) {
        case ThumbnailCache::State::Loading: return State::Loading;
        case ThumbnailCache::State::Ready: return State::Ready;
        case ThumbnailCache::State::Failed: return State::Failed;
        }
        return State::Failed;
    }

    QString path(int item) const { return image ? image->imagePaths.value(item) : QString(); }

    QVariant data(int item, int role) const
    {
        switch (role) {
        case Qt::DecorationRole: {
            QImage picture;
            return state(item, &picture) == State::Ready ? QVariant(picture) : QVariant();
        }
        case Panel::ThumbnailStateRole:
            return int(state(item, nullptr));
        case Qt::AccessibleTextRole:
            switch (state(item, nullptr)) {
            case State::NoImage:
            case State::Failed: return RecommendationsPanel::tr("no image");
            case State::Loading: return RecommendationsPanel::tr("loading image");
            case State::Ready: return RecommendationsPanel::tr("image");
            }
            break;
        }
        return {};
    }
};

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

// ---------------------------------------------------------------------------------------------
// The work for one user

// A user's recommendations (the engine's query) and the request they answer.
struct Outcome : UserRecommendations
{
    quint64 generation = 0;
};

Outcome computeTopK(const Recommender &model, const std::vector<int> &historyItems, const std::vector<bool> &coldItem,
                    int user, int k)
{
    Outcome out;
    static_cast<UserRecommendations &>(out) = recommendForUser(model, user, k, historyItems, coldItem);
    return out;
}

// ---------------------------------------------------------------------------------------------
// Models

class TopModel : public QAbstractTableModel
{
public:
    TopModel(const Thumbnails *thumbnails, QObject *parent)
        : QAbstractTableModel(parent)
        , m_thumbnails(thumbnails)
    {
    }

    void setRows(std::shared_ptr<const Dataset> dataset, std::vector<Recommendation> rows)
    {
        beginResetModel();
        m_dataset = std::move(dataset);
        m_rows = std::move(rows);
        endResetModel();
    }

    const std::vector<Recommendation> &rows() const { return m_rows; }

    const Recommendation *row(const QModelIndex &index) const
    {
        return index.isValid() && size_t(index.row()) < m_rows.size() ? &m_rows[size_t(index.row())] : nullptr;
    }

    void thumbnailArrived(const QString &path)
    {
        for (size_t r = 0; r < m_rows.size(); ++r) {
            if (m_thumbnails->path(m_rows[r].item) == path) {
                const QModelIndex cell = index(int(r), Panel::ThumbnailColumn);
                Q_EMIT dataChanged(cell, cell);
            }
        }
    }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : Panel::ColumnCount; }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal)
            return {};
        if (role == Qt::DisplayRole) {
            switch (section) {
            case Panel::RankColumn: return RecommendationsPanel::tr("#");
            case Panel::ThumbnailColumn: return RecommendationsPanel::tr("Image");
            case Panel::TitleColumn: return RecommendationsPanel::tr("Item");
            case Panel::ScoreColumn: return RecommendationsPanel::tr("Score");
            case Panel::ContributionsColumn: return RecommendationsPanel::tr("Why: parts of the score");
            }
        } else if (role == Qt::ToolTipRole) {
            switch (section) {
            case Panel::RankColumn: return RecommendationsPanel::tr("Rank among the items the user has not rated in training");
            case Panel::ScoreColumn: return RecommendationsPanel::tr("The model's score: higher ranks first");
            case Panel::ContributionsColumn:
                return RecommendationsPanel::tr("What each part of the model adds to the score: parts left of the line lower it, "
                                 "parts right of it raise it. The triangle marks the score. All rows share one scale.");
            }
        }
        return {};
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        const Recommendation *r = row(index);
        if (!r || !m_dataset)
            return {};
        switch (role) {
        case Panel::ItemRole: return r->item;
        case Panel::ScoreRole: return r->score;
        case Panel::ColdRole: return r->cold;
        }
        switch (index.column()) {
        case Panel::RankColumn:
            if (role == Qt::DisplayRole)
                return index.row() + 1;
            if (role == Qt::TextAlignmentRole)
                return int(Qt::AlignCenter);
            break;
        case Panel::ThumbnailColumn:
            if (role == Qt::ToolTipRole)
                return m_thumbnails->image ? m_thumbnails->path(r->item) : QVariant();
            return m_thumbnails->data(r->item, role);
        case Panel::TitleColumn:
            if (role == Qt::DisplayRole)
                return titleOf(*m_dataset, r->item);
            if (role == Qt::ToolTipRole) {
                QString tip = RecommendationsPanel::tr("%1\nid %2").arg(titleOf(*m_dataset, r->item), m_dataset->itemIds.value(r->item));
                const QString category = m_dataset->itemCategory(r->item, Language::current());
                if (!category.isEmpty())
                    tip += QLatin1Char('\n') + RecommendationsPanel::tr("category %1").arg(category);
                if (r->cold)
                    tip += QStringLiteral("\n\n") + RecommendationsPanel::tr("Cold-start item: held out of training, so no one's ratings of it "
                                                              "were seen; only its content can explain its score.");
                return tip;
            }
            break;
        case Panel::ScoreColumn:
            if (role == Qt::DisplayRole)
                return QLocale().toString(r->score, 'f', 3);
            if (role == Qt::TextAlignmentRole)
                return int(Qt::AlignRight | Qt::AlignVCenter);
            break;
        case Panel::ContributionsColumn:
            if (role == Qt::ToolTipRole)
                return contributionTip(*r);
            if (role == Qt::AccessibleTextRole) {
                QStringList parts;
                for (const ScoreContribution &c : r->parts)
                    parts << RecommendationsPanel::tr("%1 %2").arg(contributionPartName(c.part), signedNumber(c.value));
                return parts.join(QStringLiteral(", "));
            }
            break;
        }
        return {};
    }

private:
    static QString contributionTip(const Recommendation &r)
    {
        QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">");
        double sum = 0;
        for (const ScoreContribution &c : r.parts) {
            sum += c.value;
            html += QStringLiteral("<tr><td>%1</td><td align=\"right\">&nbsp;&nbsp;%2</td></tr>")
                        .arg(contributionPartName(c.part).toHtmlEscaped(), signedNumber(c.value, 4));
        }
        html += QStringLiteral("<tr><td><b>%1</b></td><td align=\"right\"><b>&nbsp;&nbsp;%2</b></td></tr></table>")
                    .arg(RecommendationsPanel::tr("score").toHtmlEscaped(), QLocale().toString(r.score, 'f', 4));
        if (std::abs(sum - r.score) > 1e-3 * std::max(1.0, std::abs(r.score)))
            html += QStringLiteral("<p>%1</p>").arg(RecommendationsPanel::tr("The parts sum to %1.").arg(QLocale().toString(sum, 'f', 4)).toHtmlEscaped());
        return html;
    }

    const Thumbnails *m_thumbnails;
    std::shared_ptr<const Dataset> m_dataset;
    std::vector<Recommendation> m_rows;
};

class HistoryModel : public QAbstractListModel
{
public:
    HistoryModel(const Thumbnails *thumbnails, QObject *parent)
        : QAbstractListModel(parent)
        , m_thumbnails(thumbnails)
    {
    }

    void setEntries(std::shared_ptr<const Dataset> dataset, std::vector<HistoryEntry> entries, bool timestamps, bool implicit)
    {
        beginResetModel();
        m_dataset = std::move(dataset);
        m_entries = std::move(entries);
        m_timestamps = timestamps;
        m_implicit = implicit;
        endResetModel();
    }

    const std::vector<HistoryEntry> &entries() const { return m_entries; }
    bool implicit() const { return m_implicit; }

    void thumbnailArrived(const QString &path)
    {
        for (size_t r = 0; r < m_entries.size(); ++r) {
            if (m_thumbnails->path(m_entries[r].item) == path) {
                const QModelIndex cell = index(int(r));
                Q_EMIT dataChanged(cell, cell);
            }
        }
    }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_entries.size()); }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || size_t(index.row()) >= m_entries.size() || !m_dataset)
            return {};
        const HistoryEntry &e = m_entries[size_t(index.row())];
        switch (role) {
        case Qt::DisplayRole: return titleOf(*m_dataset, e.item);
        case Panel::ItemRole: return e.item;
        case Panel::ScoreRole: return e.rating;
        case Panel::TimestampRole: return m_timestamps ? QVariant(e.timestamp) : QVariant();
        case Qt::DecorationRole:
        case Panel::ThumbnailStateRole:
            return m_thumbnails->data(e.item, role);
        case Qt::ToolTipRole: {
            QStringList lines{titleOf(*m_dataset, e.item), RecommendationsPanel::tr("id %1").arg(m_dataset->itemIds.value(e.item))};
            if (!m_implicit)
                lines << RecommendationsPanel::tr("rated %1").arg(ratingText(e.rating));
            if (m_timestamps)
                lines << RecommendationsPanel::tr("at %1").arg(timeText(e.timestamp));
            return lines.join(QLatin1Char('\n'));
        }
        case Qt::AccessibleTextRole:
            return m_implicit ? titleOf(*m_dataset, e.item)
                              : RecommendationsPanel::tr("%1, rated %2").arg(titleOf(*m_dataset, e.item), ratingText(e.rating));
        }
        return {};
    }

private:
    const Thumbnails *m_thumbnails;
    std::shared_ptr<const Dataset> m_dataset;
    std::vector<HistoryEntry> m_entries;
    bool m_timestamps = false;
    bool m_implicit = false;
};

// ---------------------------------------------------------------------------------------------
// Delegates

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

} // namespace

// ---------------------------------------------------------------------------------------------

struct RecommendationsPanel::Private : QObject
{
    explicit Private(RecommendationsPanel *owner);

    void showMessage(const QString &text);
    void showContent();
    void applyUser(int user, bool force);
    void updateHistory();
    void request();
    void startBackground();
    void apply(Outcome outcome);
    void updateLegend();
    void updateHeading();
    void updateNavigation();
    bool usable() const { return dataset && model && message.isEmpty(); }

    RecommendationsPanel *q;
    std::shared_ptr<const Dataset> dataset;
    std::shared_ptr<const Recommender> model;
    std::vector<bool> coldItem;
    UserHistories histories;   // each user's training interactions, newest first
    QString message;

    int user = -1;
    QString rememberedUserId;
    int k = 10;
    int asyncThreshold = kDefaultAsyncThreshold;

    quint64 generation = 0;       // of the newest request
    bool running = false;         // a background computation is running
    bool pending = false;         // a newer request waits for it
    Outcome shown;                // what the table shows
    ContributionScale scale;
    ContributionPalette palette;

    ThumbnailCache *cache = nullptr;
    Thumbnails tableThumbnails;
    Thumbnails historyThumbnails;
    TopModel *top = nullptr;
    HistoryModel *history = nullptr;
    QStringListModel *userIds = nullptr;

    QStackedWidget *stack = nullptr;
    QLabel *messageLabel = nullptr;
    int contentMinimumWidth = 0;   // the panel's minimum width while the content is shown
    QWidget *content = nullptr;
    QComboBox *userBox = nullptr;
    QToolButton *previous = nullptr;
    QToolButton *next = nullptr;
    QPushButton *random = nullptr;
    QSpinBox *kBox = nullptr;
    QLabel *historyHeading = nullptr;
    QListView *historyView = nullptr;
    HistoryDelegate *historyDelegate = nullptr;
    QLabel *historyMore = nullptr;
    QLabel *topHeading = nullptr;
    QProgressBar *busy = nullptr;
    QLabel *legend = nullptr;
    QString legendPlain;
    QStringList legendParts;
    QTableView *table = nullptr;
};

RecommendationsPanel::Private::Private(RecommendationsPanel *owner)
    : q(owner)
{
    const QFont base = sizedFont(q->font(), 11);
    cache = new ThumbnailCache(32 << 20, this);
    tableThumbnails.cache = cache;
    historyThumbnails.cache = cache;
    top = new TopModel(&tableThumbnails, this);
    history = new HistoryModel(&historyThumbnails, this);
    userIds = new QStringListModel(this);
    connect(cache, &ThumbnailCache::thumbnailReady, this, [this](const QString &path, QSize size) {
        if (size == tableThumbnails.pixels)
            top->thumbnailArrived(path);
        if (size == historyThumbnails.pixels)
            history->thumbnailArrived(path);
    });

    auto *outer = new QVBoxLayout(q);
    outer->setContentsMargins(0, 0, 0, 0);
    stack = new QStackedWidget(q);
    outer->addWidget(stack);

    messageLabel = new QLabel(stack);
    messageLabel->setObjectName(QStringLiteral("recommendationsMessage"));
    messageLabel->setAlignment(Qt::AlignCenter);
    messageLabel->setWordWrap(true);
    messageLabel->setFont(sizedFont(base, 13));
    messageLabel->setMargin(24);
    stack->addWidget(messageLabel);

    content = new QWidget(stack);
    content->setFont(base);  // buttons and boxes too: readable on a projector
    stack->addWidget(content);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);

    // The user row.
    auto *userRow = new QHBoxLayout;
    auto *userLabel = new QLabel(RecommendationsPanel::tr("&User:"), content);
    userLabel->setFont(sizedFont(base, 12, true));
    userBox = new QComboBox(content);
    userBox->setObjectName(QStringLiteral("userBox"));
    userBox->setEditable(true);
    userBox->setInsertPolicy(QComboBox::NoInsert);
    // Never measure 60k ids for a size hint.
    userBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    userBox->setMinimumContentsLength(8);
    userBox->setMaxVisibleItems(15);
    userBox->setModel(userIds);
    userBox->setFont(sizedFont(base, 12));
    userBox->setAccessibleName(RecommendationsPanel::tr("User"));
    userBox->setToolTip(RecommendationsPanel::tr("Type any part of a user id"));
    if (auto *list = qobject_cast<QListView *>(userBox->view()))
        list->setUniformItemSizes(true);
    if (QCompleter *completer = userBox->completer()) {
        completer->setCompletionMode(QCompleter::PopupCompletion);
        completer->setFilterMode(Qt::MatchContains);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setMaxVisibleItems(12);
    }
    userLabel->setBuddy(userBox);
    previous = new QToolButton(content);
    previous->setObjectName(QStringLiteral("previousUser"));
    previous->setArrowType(Qt::LeftArrow);
    previous->setText(RecommendationsPanel::tr("Previous"));
    previous->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    previous->setToolTip(RecommendationsPanel::tr("Previous user"));
    previous->setAccessibleName(RecommendationsPanel::tr("Previous user"));
    next = new QToolButton(content);
    next->setObjectName(QStringLiteral("nextUser"));
    next->setArrowType(Qt::RightArrow);
    next->setText(RecommendationsPanel::tr("Next"));
    next->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    next->setToolTip(RecommendationsPanel::tr("Next user"));
    next->setAccessibleName(RecommendationsPanel::tr("Next user"));
    random = new QPushButton(RecommendationsPanel::tr("&Random user"), content);
    random->setObjectName(QStringLiteral("randomUser"));
    random->setMinimumWidth(random->sizeHint().width());   // its label never clips; the stretch gives way
    auto *kLabel = new QLabel(RecommendationsPanel::tr("&Show top:"), content);
    kBox = new QSpinBox(content);
    kBox->setObjectName(QStringLiteral("kBox"));
    kBox->setRange(1, kMaxK);
    kBox->setValue(k);
    kBox->setAccessibleName(RecommendationsPanel::tr("Number of recommendations"));
    kLabel->setBuddy(kBox);
    busy = new QProgressBar(content);
    busy->setRange(0, 0);
    busy->setTextVisible(false);
    busy->setMaximumWidth(120);
    QSizePolicy keep = busy->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    keep.setHorizontalPolicy(QSizePolicy::Ignored);
    busy->setSizePolicy(keep);
    busy->hide();
    userRow->addWidget(userLabel);
    userRow->addWidget(userBox, 1);
    userRow->addWidget(previous);
    userRow->addWidget(next);
    userRow->addWidget(random);
    userRow->addSpacing(16);
    userRow->addWidget(kLabel);
    userRow->addWidget(kBox);
    userRow->addStretch(1);
    userRow->addWidget(busy);
    layout->addLayout(userRow);

    // History.
    historyHeading = new QLabel(content);
    historyHeading->setObjectName(QStringLiteral("historyHeading"));
    historyHeading->setFont(sizedFont(base, 12, true));
    historyHeading->setWordWrap(true);
    layout->addWidget(historyHeading);
    auto *historyRow = new QHBoxLayout;
    historyView = new QListView(content);
    historyView->setObjectName(QStringLiteral("historyStrip"));
    historyView->setFlow(QListView::LeftToRight);
    historyView->setWrapping(false);
    historyView->setUniformItemSizes(true);
    historyView->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    historyView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    historyView->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    historyView->setSpacing(2);
    historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    historyView->setSelectionMode(QAbstractItemView::NoSelection);
    historyView->setFont(base);
    historyView->setModel(history);
    historyView->setAccessibleName(RecommendationsPanel::tr("Training history"));
    historyDelegate = new HistoryDelegate(history, historyView);
    historyView->setItemDelegate(historyDelegate);
    historyMore = new QLabel(content);
    historyMore->setObjectName(QStringLiteral("historyMore"));
    historyMore->setFont(base);
    historyMore->setWordWrap(true);
    historyMore->setAlignment(Qt::AlignCenter);
    historyMore->setMaximumWidth(QFontMetrics(base).averageCharWidth() * 14);
    historyRow->addWidget(historyView, 1);
    historyRow->addWidget(historyMore);
    layout->addLayout(historyRow);

    // Top K.
    topHeading = new QLabel(content);
    topHeading->setObjectName(QStringLiteral("topHeading"));
    topHeading->setFont(sizedFont(base, 12, true));
    topHeading->setWordWrap(true);
    layout->addSpacing(4);
    layout->addWidget(topHeading);
    legend = new QLabel(content);
    legend->setObjectName(QStringLiteral("legend"));
    legend->setFont(base);
    legend->setWordWrap(true);
    legend->setTextFormat(Qt::RichText);
    layout->addWidget(legend);
    table = new QTableView(content);
    table->setObjectName(QStringLiteral("recommendationsTable"));
    table->setModel(top);
    table->setFont(base);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setFont(sizedFont(base, 11, true));
    table->setAccessibleName(RecommendationsPanel::tr("Recommendations"));
    table->setItemDelegateForColumn(ThumbnailColumn, new ThumbnailDelegate(kTableThumbnail, table));
    table->setItemDelegateForColumn(TitleColumn, new TitleDelegate(table));
    table->setItemDelegateForColumn(
        ContributionsColumn,
        new ContributionDelegate([this](const QModelIndex &index) { return top->row(index) ? &top->row(index)->parts : nullptr; },
                                 [this](const QModelIndex &index) { return top->row(index) ? top->row(index)->score : 0.0; },
                                 &scale, &palette, table));
    QHeaderView *header = table->horizontalHeader();
    const QFontMetrics metrics(base);
    header->setSectionResizeMode(RankColumn, QHeaderView::Fixed);
    header->setSectionResizeMode(ThumbnailColumn, QHeaderView::Fixed);
    header->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ScoreColumn, QHeaderView::Fixed);
    header->setSectionResizeMode(ContributionsColumn, QHeaderView::Stretch);
    const QFontMetrics headerMetrics(header->font());
    auto headerWidth = [&](int column) {
        return headerMetrics.horizontalAdvance(top->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString())
            + 2 * headerMetrics.averageCharWidth();
    };
    table->setColumnWidth(RankColumn, std::max(metrics.horizontalAdvance(QStringLiteral("000")) + 3 * metrics.averageCharWidth(),
                                               headerWidth(RankColumn)));
    table->setColumnWidth(ThumbnailColumn, std::max(kTableThumbnail + 12, headerWidth(ThumbnailColumn)));
    table->setColumnWidth(ScoreColumn, std::max(metrics.horizontalAdvance(QStringLiteral("−00.000")) + 4 * metrics.averageCharWidth(),
                                                headerWidth(ScoreColumn)));
    layout->addWidget(table, 1);

    connect(userBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            applyUser(index, false);
    });
    connect(previous, &QToolButton::clicked, q, &RecommendationsPanel::previousUser);
    connect(next, &QToolButton::clicked, q, &RecommendationsPanel::nextUser);
    connect(random, &QPushButton::clicked, q, &RecommendationsPanel::randomUser);
    connect(kBox, &QSpinBox::valueChanged, q, &RecommendationsPanel::setK);
}

void RecommendationsPanel::Private::showMessage(const QString &text)
{
    message = text;
    messageLabel->setText(text);
    stack->setCurrentWidget(messageLabel);
    // The minimum widths (the window's, the hidden table page's) are the table's: a message wraps to
    // any width, and held at the table's width in a narrow window it was cut off at both sides.
    if (q->minimumWidth() > 0) {
        contentMinimumWidth = q->minimumWidth();
        q->setMinimumWidth(0);
    }
    content->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
}

void RecommendationsPanel::Private::showContent()
{
    message.clear();
    messageLabel->clear();
    stack->setCurrentWidget(content);
    content->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    if (contentMinimumWidth > 0 && q->minimumWidth() == 0)
        q->setMinimumWidth(contentMinimumWidth);
}

void RecommendationsPanel::Private::applyUser(int newUser, bool force)
{
    if (!usable() || newUser < 0 || newUser >= dataset->userCount())
        return;
    if (newUser == user && !force)
        return;
    const bool changed = newUser != user;
    user = newUser;
    rememberedUserId = dataset->userIds.value(user);
    if (userBox->currentIndex() != user) {
        const QSignalBlocker block(userBox);
        userBox->setCurrentIndex(user);
    }
    updateNavigation();
    updateHistory();
    request();
    if (changed)
        Q_EMIT q->currentUserChanged(user);
}

void RecommendationsPanel::Private::updateHistory()
{
    const bool timestamps = histories.hasTimestamps();
    const bool implicit = histories.isImplicit();
    const std::span<const HistoryEntry> all = histories.of(user);
    const int total = int(all.size());
    const int shownCount = std::min(total, kHistoryCap);
    history->setEntries(dataset, std::vector<HistoryEntry>(all.begin(), all.begin() + shownCount), timestamps, implicit);

    const QString id = dataset->userIds.value(user);
    QString heading;
    if (total == 0)
        heading = RecommendationsPanel::tr("%1 has no training interactions: the model knows nothing of their taste.").arg(id);
    else if (implicit)
        heading = timestamps ? RecommendationsPanel::tr("What %1 interacted with in training (%2), newest first").arg(id, number(total))
                             : RecommendationsPanel::tr("What %1 interacted with in training (%2)").arg(id, number(total));
    else
        heading = timestamps ? RecommendationsPanel::tr("What %1 rated in training (%2), newest first").arg(id, number(total))
                             : RecommendationsPanel::tr("What %1 rated in training (%2)").arg(id, number(total));
    historyHeading->setText(heading);
    historyView->setVisible(total > 0);
    const int more = total - shownCount;
    historyMore->setText(more > 0 ? RecommendationsPanel::tr("and %1 more").arg(number(more)) : QString());
    historyMore->setVisible(more > 0);
    historyView->horizontalScrollBar()->setValue(0);  // the newest first in view
}

void RecommendationsPanel::Private::updateNavigation()
{
    const bool ok = usable();
    const int users = ok ? dataset->userCount() : 0;
    previous->setEnabled(ok && user > 0);
    next->setEnabled(ok && user + 1 < users);
    random->setEnabled(ok && users > 1);
    userBox->setEnabled(ok && users > 0);
}

void RecommendationsPanel::Private::request()
{
    const quint64 run = ++generation;
    if (!usable() || user < 0)
        return;
    if (model->itemCount() <= asyncThreshold) {
        pending = false;
        Outcome outcome = computeTopK(*model, histories.items(user), coldItem, user, k);
        outcome.generation = run;
        apply(std::move(outcome));
        return;
    }
    // Until the result arrives the table is empty rather than showing another user's items.
    top->setRows(dataset, {});
    scale = {};
    shown = Outcome{};
    if (running)
        pending = true;
    else
        startBackground();
    updateLegend();
    updateHeading();
}

void RecommendationsPanel::Private::startBackground()
{
    pending = false;
    running = true;
    busy->show();
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        running = false;
        Outcome outcome = watcher->result();
        if (pending && usable()) {
            startBackground();  // the newest request; this result answers an older one
            return;
        }
        pending = false;
        busy->hide();
        if (outcome.generation == generation && usable())
            apply(std::move(outcome));
    });
    watcher->setFuture(QtConcurrent::run([model = model, items = histories.items(user), cold = coldItem, u = user, kk = k,
                                          run = generation]() {
        Outcome outcome = computeTopK(*model, items, cold, u, kk);
        outcome.generation = run;
        return outcome;
    }));
}

void RecommendationsPanel::Private::apply(Outcome outcome)
{
    scale = {};
    for (const Recommendation &r : outcome.rows)
        scale.include(r.parts);
    for (const Recommendation &r : outcome.rows) {
        for (const ScoreContribution &c : r.parts)
            palette.color(c.part);  // colours in order of first appearance
    }
    shown = outcome;
    top->setRows(dataset, std::move(outcome.rows));
    updateLegend();
    updateHeading();
    Q_EMIT q->recommendationsReady();
}

void RecommendationsPanel::Private::updateLegend()
{
    legendParts.clear();
    for (const Recommendation &r : top->rows()) {
        for (const ScoreContribution &c : r.parts) {
            if (!legendParts.contains(c.part))
                legendParts << c.part;
        }
    }
    if (legendParts.isEmpty()) {
        legend->clear();
        legendPlain.clear();
        legend->hide();
        return;
    }
    QStringList html;
    QStringList plain;
    for (const QString &part : std::as_const(legendParts)) {
        const QColor c = palette.color(part);
        // A swatch and its name never break apart; entries wrap between each other.
        html << QStringLiteral("<span style=\"white-space:nowrap\"><span style=\"background-color:%1; color:%1\">"
                               "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;%2</span>")
                    .arg(c.name(), contributionPartName(part).toHtmlEscaped());
        plain << contributionPartName(part);
    }
    const QString explanation = RecommendationsPanel::tr("▼ score · left of the line lowers it, right raises it");
    legend->setText(QStringLiteral("%1 &nbsp;&nbsp;&nbsp; <span style=\"color:#505050\">%2</span>")
                        .arg(html.join(QStringLiteral(" &nbsp;&nbsp; ")), explanation.toHtmlEscaped()));
    legendPlain = plain.join(QStringLiteral("  ")) + QStringLiteral("  ") + explanation;
    legend->show();
}

void RecommendationsPanel::Private::updateHeading()
{
    if (!usable() || user < 0) {
        topHeading->clear();
        return;
    }
    const QString id = dataset->userIds.value(user);
    const int rows = int(top->rows().size());
    if (running && shown.generation != generation) {
        topHeading->setText(RecommendationsPanel::tr("Scoring %1 items for %2…").arg(number(model->itemCount()), id));
    } else if (rows == 0) {
        topHeading->setText(RecommendationsPanel::tr("Nothing to recommend to %1: every item is already in their history "
                                                     "or has no score.").arg(id));
    } else {
        topHeading->setText(rows == 1 ? RecommendationsPanel::tr("Top recommendation for %1, among %2 items not in their history")
                                            .arg(id, number(shown.candidates))
                                      : RecommendationsPanel::tr("Top %1 recommendations for %2, among %3 items not in their history")
                                            .arg(number(rows), id, number(shown.candidates)));
    }
}

// ---------------------------------------------------------------------------------------------

RecommendationsPanel::RecommendationsPanel(QWidget *parent)
    : QWidget(parent)
    , m_d(std::make_unique<Private>(this))
{
    clear();
}

RecommendationsPanel::~RecommendationsPanel() = default;

void RecommendationsPanel::setModel(std::shared_ptr<const Dataset> dataset, std::shared_ptr<const Recommender> recommender,
                                    std::vector<int> trainInteractions, std::vector<bool> coldItem)
{
    if (!dataset || !recommender) {
        clear();
        return;
    }
    Private &d = *m_d;
    if (d.dataset != dataset)
        d.cache->clear();
    d.dataset = std::move(dataset);
    d.model = std::move(recommender);
    d.coldItem = std::move(coldItem);
    d.showContent();
    d.top->setRows(d.dataset, {});
    d.shown = Outcome{};
    d.scale = {};

    const ModalitySource *image = imageModality(*d.dataset);
    const qreal ratio = devicePixelRatioF();
    d.tableThumbnails.image = image;
    d.tableThumbnails.pixels = QSize(kTableThumbnail, kTableThumbnail) * ratio;
    d.historyThumbnails.image = image;
    d.historyThumbnails.pixels = QSize(kHistoryThumbnail, kHistoryThumbnail) * ratio;
    d.table->setColumnHidden(ThumbnailColumn, !image);
    d.historyDelegate->showThumbnails = image != nullptr;
    const QFontMetrics metrics(d.table->font());
    d.table->verticalHeader()->setDefaultSectionSize(std::max(image ? kTableThumbnail + 8 : 0, metrics.height() + 18));
    const QSize tile = d.historyDelegate->tileSize(QFontMetrics(d.historyView->font()));
    d.historyView->setFixedHeight(tile.height() + 2 * d.historyView->frameWidth() + 2 * d.historyView->spacing()
                                  + d.historyView->horizontalScrollBar()->sizeHint().height());

    {
        const QSignalBlocker block(d.userBox);
        d.userIds->setStringList(d.dataset->userIds);  // implicitly shared: no copy of 60k ids
    }
    if (d.model->userCount() != d.dataset->userCount() || d.model->itemCount() != d.dataset->itemCount()) {
        d.user = -1;
        d.showMessage(tr("The model does not fit this dataset: it knows %1 users and %2 items, the dataset has %3 users "
                         "and %4 items. Train the model again on this dataset.")
                          .arg(number(d.model->userCount()), number(d.model->itemCount()), number(d.dataset->userCount()),
                               number(d.dataset->itemCount())));
        d.updateNavigation();
        return;
    }
    if (d.dataset->userCount() == 0) {
        d.user = -1;
        d.showMessage(tr("This dataset has no users to recommend to."));
        d.updateNavigation();
        return;
    }
    d.histories = UserHistories::build(*d.dataset, trainInteractions);

    int chosen = d.rememberedUserId.isEmpty() ? -1 : int(d.dataset->userIds.indexOf(d.rememberedUserId));
    if (chosen < 0)
        chosen = 0;
    d.user = -1;
    d.applyUser(chosen, true);
}

void RecommendationsPanel::clear(const QString &why)
{
    Private &d = *m_d;
    ++d.generation;
    d.pending = false;
    d.dataset.reset();
    d.model.reset();
    d.coldItem.clear();
    d.histories = {};
    d.user = -1;
    d.shown = Outcome{};
    d.scale = {};
    d.top->setRows(nullptr, {});
    d.history->setEntries(nullptr, {}, false, false);
    d.tableThumbnails.image = nullptr;
    d.historyThumbnails.image = nullptr;
    d.busy->hide();
    {
        const QSignalBlocker block(d.userBox);
        d.userIds->setStringList({});
    }
    d.updateLegend();
    d.showMessage(!why.isEmpty() ? why
                                 : tr("No model yet.\n\nTrain a model first: its recommendations, and why it makes them, "
                                      "will appear here."));
    d.updateNavigation();
}

void RecommendationsPanel::setK(int k)
{
    k = std::clamp(k, 1, kMaxK);
    if (m_d->kBox->value() != k) {
        const QSignalBlocker block(m_d->kBox);
        m_d->kBox->setValue(k);
    }
    if (k == m_d->k)
        return;
    m_d->k = k;
    m_d->request();
}

int RecommendationsPanel::k() const
{
    return m_d->k;
}

int RecommendationsPanel::currentUser() const
{
    return m_d->usable() ? m_d->user : -1;
}

QString RecommendationsPanel::currentUserId() const
{
    return currentUser() >= 0 ? m_d->dataset->userIds.value(m_d->user) : QString();
}

void RecommendationsPanel::setCurrentUser(int user)
{
    m_d->applyUser(user, false);
}

void RecommendationsPanel::setCurrentUserId(const QString &id)
{
    if (m_d->usable())
        m_d->applyUser(int(m_d->dataset->userIds.indexOf(id)), false);
}

void RecommendationsPanel::previousUser()
{
    if (m_d->usable() && m_d->user > 0)
        m_d->applyUser(m_d->user - 1, false);
}

void RecommendationsPanel::nextUser()
{
    if (m_d->usable() && m_d->user + 1 < m_d->dataset->userCount())
        m_d->applyUser(m_d->user + 1, false);
}

void RecommendationsPanel::randomUser()
{
    if (!m_d->usable())
        return;
    const int users = m_d->dataset->userCount();
    if (users < 2)
        return;
    // Another user than the current one, so the button always changes something.
    int pick = int(QRandomGenerator::global()->bounded(users - 1));
    if (pick >= m_d->user)
        ++pick;
    m_d->applyUser(pick, false);
}

void RecommendationsPanel::setAsyncItemThreshold(int items)
{
    m_d->asyncThreshold = std::max(0, items);
}

int RecommendationsPanel::asyncItemThreshold() const
{
    return m_d->asyncThreshold;
}

bool RecommendationsPanel::isBusy() const
{
    return m_d->running;
}

const std::vector<RecommendationsPanel::Recommendation> &RecommendationsPanel::recommendations() const
{
    return m_d->top->rows();
}

std::vector<int> RecommendationsPanel::historyItems() const
{
    std::vector<int> items;
    for (const HistoryEntry &e : m_d->history->entries())
        items.push_back(e.item);
    return items;
}

int RecommendationsPanel::historyTotal() const
{
    if (currentUser() < 0)
        return 0;
    return m_d->histories.count(m_d->user);
}

QString RecommendationsPanel::historyMoreText() const
{
    return m_d->historyMore->text();
}

QString RecommendationsPanel::messageText() const
{
    return m_d->message;
}

QString RecommendationsPanel::legendText() const
{
    return m_d->legendPlain;
}

QStringList RecommendationsPanel::legendParts() const
{
    return m_d->legendParts;
}

QAbstractItemModel *RecommendationsPanel::recommendationsModel() const
{
    return m_d->top;
}

QAbstractItemModel *RecommendationsPanel::historyModel() const
{
    return m_d->history;
}

QTableView *RecommendationsPanel::recommendationsView() const
{
    return m_d->table;
}

QListView *RecommendationsPanel::historyView() const
{
    return m_d->historyView;
}

QComboBox *RecommendationsPanel::userBox() const
{
    return m_d->userBox;
}

} // namespace fl
