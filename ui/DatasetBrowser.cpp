// Why one file (about 1300 lines):
// The Dataset page: one summary, three tabs (items, users, charts) over one dataset and one thumbnail
// cache. Its item and user table models and its three charts are private to the page and small each; they
// share the page's state (the dataset, the filter, the palette), which one file keeps in one place.

#include "DatasetBrowser.h"

#include "ChartAxes.h"
#include "ChartScales.h"
#include "Fonts.h"
#include "Language.h"
#include "ThumbnailCache.h"

#include "engine/data/DatasetSummary.h"

#include <QAbstractTableModel>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTime>
#include <QFontMetricsF>
#include <QFutureWatcher>
#include <QGraphicsLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QPainter>
#include <QProgressBar>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStringTokenizer>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <memory>

namespace fl {

namespace {

constexpr int kThumbnailSize = 64;         // logical pixels, square
constexpr int kFilterDelayMs = 150;        // typing pauses this long before 60k rows are filtered
constexpr int kLongTailHead = 200;         // ranks drawn one by one at the steep start of the tail
constexpr int kLongTailSamples = 1500;     // further ranks drawn, evenly spread

// Okabe–Ito colours, as in the loss chart: distinguishable with every common colour-vision deficiency.
const QColor kBarColor(0, 114, 178);
const QColor kMarkerColor(213, 94, 0);

using State = DatasetBrowser::ThumbnailState;

QString number(qint64 value)
{
    return QLocale().toString(value);
}

// A rating value as short as it can be written: 4, 3.5, 0.25.
QString ratingText(double value)
{
    return QLocale().toString(value, 'g', 6);
}

QString meanText(double value)
{
    return std::isnan(value) ? QStringLiteral("—") : QLocale().toString(value, 'f', 2);
}

// A percentage with three significant digits and no exponent: 6.67, 0.259, 0.000123.
QString percentText(double fraction)
{
    const double percent = 100.0 * fraction;
    if (!(percent > 0))
        return QLocale().toString(0);
    const int decimals = std::clamp(2 - int(std::floor(std::log10(percent))), 0, 12);
    return QLocale().toString(percent, 'f', decimals);
}

// Timestamps as dates when they look like Unix seconds or milliseconds (1973 to 5138), else as numbers.
QString timeSpanText(qint64 first, qint64 last)
{
    auto date = [](qint64 t, bool millis) {
        const QDateTime time = millis ? QDateTime::fromMSecsSinceEpoch(t, Qt::UTC)
                                      : QDateTime::fromSecsSinceEpoch(t, Qt::UTC);
        return time.date().toString(Qt::ISODate);
    };
    if (first >= 100'000'000 && last < 100'000'000'000)
        return DatasetBrowser::tr("%1 to %2").arg(date(first, false), date(last, false));
    if (first >= 100'000'000'000 && last < 100'000'000'000'000)
        return DatasetBrowser::tr("%1 to %2").arg(date(first, true), date(last, true));
    return DatasetBrowser::tr("timestamps %1 to %2").arg(number(first), number(last));
}

// In the window's language when the dataset has titles in it (the demo has English and Chinese ones).
QString titleOf(const Dataset &d, int item)
{
    return d.itemTitle(item, Language::current());
}

const ModalitySource *firstModality(const Dataset &d, ModalityKind kind)
{
    for (const ModalitySource &m : d.modalities) {
        if (m.kind == kind)
            return &m;
    }
    return nullptr;
}

bool isMissing(const ModalitySource &m, int item)
{
    return size_t(item) < m.missing.size() && m.missing[size_t(item)];
}

// ---------------------------------------------------------------------------------------------
// Models

class ItemTableModel : public QAbstractTableModel
{
public:
    ItemTableModel(ThumbnailCache *thumbnails, QObject *parent)
        : QAbstractTableModel(parent)
        , m_thumbnails(thumbnails)
    {
    }

    void setDataset(std::shared_ptr<const Dataset> dataset, QSize thumbnailPixels)
    {
        beginResetModel();
        m_dataset = std::move(dataset);
        m_summary.reset();
        m_thumbnailPixels = thumbnailPixels;
        m_text = m_dataset ? firstModality(*m_dataset, ModalityKind::Text) : nullptr;
        m_image = m_dataset ? firstModality(*m_dataset, ModalityKind::Image) : nullptr;
        m_hasTitles = false;
        if (m_dataset) {
            for (int i = 0; i < m_dataset->itemCount() && !m_hasTitles; ++i)
                m_hasTitles = titleOf(*m_dataset, i) != m_dataset->itemIds[i];
        }
        m_rowsByPath.clear();
        if (m_image) {
            for (int i = 0; i < int(m_image->imagePaths.size()); ++i) {
                if (!m_image->imagePaths[i].isEmpty())
                    m_rowsByPath[m_image->imagePaths[i]].append(i);
            }
        }
        endResetModel();
    }

    void setSummary(std::shared_ptr<const DatasetSummary> summary)
    {
        beginResetModel();
        m_summary = std::move(summary);
        endResetModel();
    }

    bool hasText() const { return m_text != nullptr; }
    bool hasImages() const { return m_image != nullptr; }
    bool hasCategories() const
    {
        if (!m_dataset)
            return false;
        return std::any_of(m_dataset->itemCategories.cbegin(), m_dataset->itemCategories.cend(),
                           [](const QString &c) { return !c.isEmpty(); });
    }

    void thumbnailArrived(const QString &path, QSize size)
    {
        if (size != m_thumbnailPixels)
            return;
        const auto it = m_rowsByPath.constFind(path);
        if (it == m_rowsByPath.cend())
            return;
        for (int row : *it) {
            const QModelIndex cell = index(row, DatasetBrowser::ItemThumbnailColumn);
            Q_EMIT dataChanged(cell, cell, {Qt::DecorationRole, DatasetBrowser::ThumbnailStateRole, Qt::ToolTipRole});
        }
    }

    // Id and title, for the search filter.
    bool matches(int row, const QString &needle) const
    {
        return m_dataset->itemMatches(row, needle);
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() || !m_dataset ? 0 : m_dataset->itemCount();
    }

    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : DatasetBrowser::ItemColumnCount;
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal)
            return {};
        const bool implicit = m_summary && m_summary->implicitFeedback;
        if (role == Qt::DisplayRole) {
            switch (section) {
            case DatasetBrowser::ItemThumbnailColumn: return DatasetBrowser::tr("Image");
            case DatasetBrowser::ItemIdColumn: return DatasetBrowser::tr("ID");
            case DatasetBrowser::ItemTitleColumn: return DatasetBrowser::tr("Title");
            case DatasetBrowser::ItemCategoryColumn: return DatasetBrowser::tr("Category");
            case DatasetBrowser::ItemTextColumn: return DatasetBrowser::tr("Text");
            case DatasetBrowser::ItemRatingsColumn: return implicit ? DatasetBrowser::tr("Interactions") : DatasetBrowser::tr("Ratings");
            case DatasetBrowser::ItemMeanColumn: return DatasetBrowser::tr("Mean rating");
            }
        } else if (role == Qt::ToolTipRole) {
            switch (section) {
            case DatasetBrowser::ItemTextColumn:
                return m_text ? DatasetBrowser::tr("The first line of the “%1” modality that is not the title; "
                                                   "the whole text is in the row's tooltip.").arg(m_text->name)
                              : QVariant();
            case DatasetBrowser::ItemRatingsColumn: return DatasetBrowser::tr("Interactions with the item");
            case DatasetBrowser::ItemMeanColumn: return DatasetBrowser::tr("Mean of the item's ratings");
            }
        }
        return {};
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || !m_dataset)
            return {};
        const int row = index.row();
        const Dataset &d = *m_dataset;
        switch (index.column()) {
        case DatasetBrowser::ItemThumbnailColumn:
            return thumbnailData(row, role);
        case DatasetBrowser::ItemIdColumn:
            if (role == Qt::DisplayRole || role == DatasetBrowser::SortRole)
                return d.itemIds.value(row);
            break;
        case DatasetBrowser::ItemTitleColumn:
            if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == DatasetBrowser::SortRole)
                return titleOf(d, row);
            break;
        case DatasetBrowser::ItemCategoryColumn:
            if (role == Qt::DisplayRole || role == DatasetBrowser::SortRole)
                return d.itemCategory(row, Language::current());
            break;
        case DatasetBrowser::ItemTextColumn:
            if (role == Qt::DisplayRole || role == DatasetBrowser::SortRole)
                return textLine(row);
            if (role == Qt::ToolTipRole && m_text && !isMissing(*m_text, row))
                return m_text->texts.value(row);
            break;
        case DatasetBrowser::ItemRatingsColumn:
            if (role == Qt::TextAlignmentRole)
                return int(Qt::AlignRight | Qt::AlignVCenter);
            if (role == Qt::DisplayRole)
                return m_summary ? QVariant(m_summary->itemRatingCount[size_t(row)]) : QVariant(QStringLiteral("…"));
            if (role == DatasetBrowser::SortRole)
                return m_summary ? m_summary->itemRatingCount[size_t(row)] : 0;
            break;
        case DatasetBrowser::ItemMeanColumn:
            if (role == Qt::TextAlignmentRole)
                return int(Qt::AlignRight | Qt::AlignVCenter);
            if (role == Qt::DisplayRole)
                return m_summary ? meanText(m_summary->itemRatingMean[size_t(row)]) : QStringLiteral("…");
            if (role == DatasetBrowser::SortRole)
                return m_summary ? m_summary->itemRatingMean[size_t(row)] : std::numeric_limits<double>::quiet_NaN();
            break;
        }
        return {};
    }

    // Fast comparisons for the proxy: 60k rows sort without building a QVariant per comparison.
    bool less(int column, int a, int b) const
    {
        switch (column) {
        case DatasetBrowser::ItemRatingsColumn:
            return m_summary && m_summary->itemRatingCount[size_t(a)] < m_summary->itemRatingCount[size_t(b)];
        case DatasetBrowser::ItemMeanColumn: {
            if (!m_summary)
                return false;
            const double x = m_summary->itemRatingMean[size_t(a)];
            const double y = m_summary->itemRatingMean[size_t(b)];
            return std::isnan(x) || std::isnan(y) ? std::isnan(x) && !std::isnan(y) : x < y;
        }
        case DatasetBrowser::ItemThumbnailColumn:
            return a < b;
        default:
            return sortText(column, a).compare(sortText(column, b), Qt::CaseInsensitive) < 0;
        }
    }

    // Whether the titles say more than the ids (without a title column they repeat them).
    bool hasTitles() const { return m_hasTitles; }

private:
    QString sortText(int column, int row) const
    {
        switch (column) {
        case DatasetBrowser::ItemIdColumn: return m_dataset->itemIds.value(row);
        case DatasetBrowser::ItemTitleColumn: return titleOf(*m_dataset, row);
        case DatasetBrowser::ItemCategoryColumn: return m_dataset->itemCategory(row, Language::current());
        case DatasetBrowser::ItemTextColumn: return textLine(row);
        }
        return {};
    }

    // The first line of the item's text that does not merely repeat its title (texts often begin
    // with it); the first line if every line does.
    QString textLine(int row) const
    {
        if (const QString description = m_dataset->itemDescription(row, Language::current()); !description.isEmpty())
            return description.section(QLatin1Char('\n'), 0, 0);
        if (!m_text || isMissing(*m_text, row))
            return {};
        const QString text = m_text->texts.value(row);
        const QString title = titleOf(*m_dataset, row).trimmed();
        for (const QStringView line : QStringTokenizer(text, QLatin1Char('\n'))) {
            const QStringView trimmed = line.trimmed();
            if (!trimmed.isEmpty() && trimmed != title)
                return trimmed.toString();
        }
        return text.section(QLatin1Char('\n'), 0, 0);
    }

    State thumbnailState(int row, QImage *image) const
    {
        if (!m_image || isMissing(*m_image, row) || m_image->imagePaths.value(row).isEmpty())
            return State::NoImage;
        switch (m_thumbnails->lookup(m_image->imagePaths[row], m_thumbnailPixels, image)) {
        case ThumbnailCache::State::Loading: return State::Loading;
        case ThumbnailCache::State::Ready: return State::Ready;
        case ThumbnailCache::State::Failed: return State::Failed;
        }
        return State::Failed;
    }

    QVariant thumbnailData(int row, int role) const
    {
        switch (role) {
        case Qt::DecorationRole: {
            QImage image;
            return thumbnailState(row, &image) == State::Ready ? QVariant(image) : QVariant();
        }
        case DatasetBrowser::ThumbnailStateRole:
            return int(thumbnailState(row, nullptr));
        case DatasetBrowser::SortRole:
            return row;
        case Qt::ToolTipRole:
            switch (thumbnailState(row, nullptr)) {
            case State::NoImage: return DatasetBrowser::tr("This item has no image.");
            case State::Failed: return DatasetBrowser::tr("The image could not be read:\n%1").arg(m_image->imagePaths.value(row));
            case State::Loading:
            case State::Ready: return m_image->imagePaths.value(row);
            }
            break;
        case Qt::AccessibleTextRole:
            switch (thumbnailState(row, nullptr)) {
            case State::NoImage:
            case State::Failed: return DatasetBrowser::tr("no image");
            case State::Loading: return DatasetBrowser::tr("loading image");
            case State::Ready: return DatasetBrowser::tr("image");
            }
            break;
        }
        return {};
    }

    ThumbnailCache *m_thumbnails;
    std::shared_ptr<const Dataset> m_dataset;
    std::shared_ptr<const DatasetSummary> m_summary;
    const ModalitySource *m_text = nullptr;
    const ModalitySource *m_image = nullptr;
    QHash<QString, QList<int>> m_rowsByPath;
    QSize m_thumbnailPixels;
    bool m_hasTitles = false;
};

class UserTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setDataset(std::shared_ptr<const Dataset> dataset)
    {
        beginResetModel();
        m_dataset = std::move(dataset);
        m_summary.reset();
        endResetModel();
    }

    void setSummary(std::shared_ptr<const DatasetSummary> summary)
    {
        beginResetModel();
        m_summary = std::move(summary);
        endResetModel();
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() || !m_dataset ? 0 : m_dataset->userCount();
    }

    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : DatasetBrowser::UserColumnCount;
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        switch (section) {
        case DatasetBrowser::UserIdColumn: return DatasetBrowser::tr("User");
        case DatasetBrowser::UserRatingsColumn:
            return m_summary && m_summary->implicitFeedback ? DatasetBrowser::tr("Interactions") : DatasetBrowser::tr("Ratings");
        case DatasetBrowser::UserMeanColumn: return DatasetBrowser::tr("Mean rating");
        }
        return {};
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || !m_dataset)
            return {};
        const size_t row = size_t(index.row());
        switch (index.column()) {
        case DatasetBrowser::UserIdColumn:
            if (role == Qt::DisplayRole || role == DatasetBrowser::SortRole)
                return m_dataset->userIds.value(index.row());
            break;
        case DatasetBrowser::UserRatingsColumn:
            if (role == Qt::TextAlignmentRole)
                return int(Qt::AlignRight | Qt::AlignVCenter);
            if (role == Qt::DisplayRole)
                return m_summary ? QVariant(m_summary->userRatingCount[row]) : QVariant(QStringLiteral("…"));
            if (role == DatasetBrowser::SortRole)
                return m_summary ? m_summary->userRatingCount[row] : 0;
            break;
        case DatasetBrowser::UserMeanColumn:
            if (role == Qt::TextAlignmentRole)
                return int(Qt::AlignRight | Qt::AlignVCenter);
            if (role == Qt::DisplayRole)
                return m_summary ? meanText(m_summary->userRatingMean[row]) : QStringLiteral("…");
            if (role == DatasetBrowser::SortRole)
                return m_summary ? m_summary->userRatingMean[row] : std::numeric_limits<double>::quiet_NaN();
            break;
        }
        return {};
    }

    bool less(int column, int a, int b) const
    {
        if (column == DatasetBrowser::UserIdColumn)
            return m_dataset->userIds.value(a).compare(m_dataset->userIds.value(b), Qt::CaseInsensitive) < 0;
        if (!m_summary)
            return false;
        if (column == DatasetBrowser::UserRatingsColumn)
            return m_summary->userRatingCount[size_t(a)] < m_summary->userRatingCount[size_t(b)];
        const double x = m_summary->userRatingMean[size_t(a)];
        const double y = m_summary->userRatingMean[size_t(b)];
        return std::isnan(x) || std::isnan(y) ? std::isnan(x) && !std::isnan(y) : x < y;
    }

private:
    std::shared_ptr<const Dataset> m_dataset;
    std::shared_ptr<const DatasetSummary> m_summary;
};

// Sorting through the models' own comparisons, and (for items) the id/title search.
template<typename Model>
class TableProxy : public QSortFilterProxyModel
{
public:
    TableProxy(Model *model, QObject *parent)
        : QSortFilterProxyModel(parent)
        , m_model(model)
    {
        setSourceModel(model);
        setSortRole(DatasetBrowser::SortRole);
    }

    void setNeedle(const QString &needle)
    {
        const QString trimmed = needle.trimmed();
        if (trimmed == m_needle)
            return;
        m_needle = trimmed;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        Q_UNUSED(row)
        Q_UNUSED(parent)
        if constexpr (std::is_same_v<Model, ItemTableModel>)
            return parent.isValid() || m_needle.isEmpty() || m_model->matches(row, m_needle);
        return true;
    }

    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        return m_model->less(left.column(), left.row(), right.row());
    }

private:
    Model *m_model;
    QString m_needle;
};

// The thumbnail cell: the image centred, a grey tile while it loads, a marked "no image" tile when
// there is none or it cannot be read.
class ThumbnailDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem background(option);
        initStyleOption(&background, index);
        background.text.clear();
        background.icon = QIcon();
        background.features &= ~QStyleOptionViewItem::HasDecoration;
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

        const QRect cell = option.rect.adjusted(4, 4, -4, -4);
        const int side = std::min({kThumbnailSize, cell.width(), cell.height()});
        const QRect tile(cell.center().x() - side / 2 + 1, cell.center().y() - side / 2 + 1, side, side);
        const auto state = State(index.data(DatasetBrowser::ThumbnailStateRole).toInt());
        painter->save();
        painter->setRenderHint(QPainter::SmoothPixmapTransform);
        if (state == State::Ready) {
            const QImage image = index.data(Qt::DecorationRole).value<QImage>();
            QSizeF size = QSizeF(image.size()).scaled(QSizeF(tile.size()), Qt::KeepAspectRatio);
            if (image.width() <= tile.width() && image.height() <= tile.height())
                size = image.size();  // small images are not blown up
            const QRectF target(tile.center().x() + 1 - size.width() / 2, tile.center().y() + 1 - size.height() / 2,
                                size.width(), size.height());
            painter->drawImage(target, image);
        } else if (state == State::Loading) {
            painter->fillRect(tile, option.palette.alternateBase());
        } else {
            painter->setPen(QPen(option.palette.color(QPalette::Mid), 1, Qt::DashLine));
            painter->setBrush(option.palette.base());
            painter->drawRect(QRectF(tile).adjusted(0.5, 0.5, -0.5, -0.5));
            painter->setPen(chartMix(option.palette, 0.65));
            QFont font = option.font;
            font.setItalic(true);
            painter->setFont(font);
            painter->drawText(tile.adjusted(2, 2, -2, -2), Qt::AlignCenter | Qt::TextWordWrap, DatasetBrowser::tr("no image"));
        }
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        return QSize(kThumbnailSize + 8, kThumbnailSize + 8);
    }
};

// ---------------------------------------------------------------------------------------------
// Charts

QLabel *messageLabel(QWidget *parent, const QFont &base, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setFont(sizedFont(base, 13));
    label->setMargin(12);
    // On the charts' background (the palette's base colour), light or dark.
    label->setBackgroundRole(QPalette::Base);
    label->setForegroundRole(QPalette::Text);
    label->setAutoFillBackground(true);
    return label;
}

// The Dataset page's charts are smaller than the training charts: labels at 11 and titles at 12 points.
void styleAxis(QAbstractAxis *axis, const QFont &base, const QPalette &palette, const QString &title)
{
    axis->setLabelsFont(sizedFont(base, 11));
    axis->setTitleFont(sizedFont(base, 12));
    axis->setLabelsColor(chartText(palette));
    axis->setTitleBrush(chartText(palette));
    axis->setGridLineColor(chartGrid(palette));
    axis->setLinePenColor(chartMix(palette, 0.5));
    setAxisTitle(axis, title);
}

QChart *newChart(const QString &title, const QFont &base, const QPalette &palette)
{
    QChart *chart = newPlainChart();
    chart->setTitle(title);
    chart->setTitleFont(fontCovering(sizedFont(base, 14, true), title));
    chart->setTitleBrush(chartText(palette));
    chart->setBackgroundBrush(chartBackground(palette));
    chart->setMargins(QMargins(6, 4, 14, 6));
    return chart;
}

// A chart view whose chart title wraps onto more lines when the view is too narrow for it, instead of
// Qt Charts' elision to "Rati…".
class TitleWrappingChartView : public QChartView
{
public:
    using QChartView::QChartView;

    void setFullTitle(const QString &title)
    {
        m_title = title;
        wrapTitle();
    }
    QString fullTitle() const { return m_title; }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        wrapTitle();
        QChartView::resizeEvent(event);
    }

private:
    void wrapTitle()
    {
        if (!chart() || m_title.isEmpty())
            return;
        const QFontMetricsF metrics(chart()->titleFont());
        const double room = std::max(40.0, width() - 24.0);
        QStringList lines;
        QString line;
        for (const QString &word : m_title.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const QString longer = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
            if (!line.isEmpty() && metrics.horizontalAdvance(longer) > room) {
                lines << line.toHtmlEscaped();
                line = word;
            } else {
                line = longer;
            }
        }
        lines << line.toHtmlEscaped();
        const QString wrapped = lines.join(QStringLiteral("<br>"));
        if (chart()->title() != wrapped)
            chart()->setTitle(wrapped);
    }

    QString m_title;
};

// One chart place of the "Charts" tab: the chart, or a message instead of it.
struct ChartSlot
{
    QStackedWidget *stack = nullptr;
    TitleWrappingChartView *view = nullptr;
    QLabel *message = nullptr;

    void create(QWidget *parent, const QFont &base, const QString &name, const QString &accessibleName)
    {
        stack = new QStackedWidget(parent);
        view = new TitleWrappingChartView(newChart(QString(), base, parent->palette()), stack);
        view->setRenderHint(QPainter::Antialiasing);
        view->setAccessibleName(accessibleName);
        view->setObjectName(name + QStringLiteral("Chart"));
        message = messageLabel(stack, base, name + QStringLiteral("Message"));
        stack->addWidget(view);
        stack->addWidget(message);
    }

    // Replaces the chart (a fresh one each time: no axes or series left behind for a deferred delete).
    void show(QChart *chart)
    {
        const std::unique_ptr<QChart> old(view->chart());   // setChart() leaves the old chart to us
        const QString title = chart->title();
        view->setChart(chart);
        view->setFullTitle(title);
        stack->setCurrentWidget(view);
    }

    void say(const QString &text)
    {
        message->setText(text);
        stack->setCurrentWidget(message);
    }

    QString title() const { return view->fullTitle(); }
};

} // namespace

// ---------------------------------------------------------------------------------------------

// A QObject so that every connection made with it as context dies with it.
struct DatasetBrowser::Private : QObject
{
    explicit Private(DatasetBrowser *owner);
    ~Private() override;

    void startSummary();
    void applySummary(std::shared_ptr<const DatasetSummary> summary);
    void updateSummaryLine();
    void updateMatchCount();
    void updateColumns();
    void showRatingChart(const DatasetSummary &s);
    void showLongTail(const DatasetSummary &s);
    void showCoverage(const DatasetSummary &s);
    void clearCharts(const QString &message);

    DatasetBrowser *q;
    std::shared_ptr<const Dataset> dataset;
    std::shared_ptr<const DatasetSummary> summary;
    quint64 generation = 0;
    std::shared_ptr<std::atomic<bool>> cancel;  // of the pending summary
    bool summarizing = false;

    ThumbnailCache *thumbnails = nullptr;
    ItemTableModel *items = nullptr;
    TableProxy<ItemTableModel> *itemProxy = nullptr;
    UserTableModel *users = nullptr;
    TableProxy<UserTableModel> *userProxy = nullptr;

    QLabel *summaryLine = nullptr;
    QString summaryPlain;  // the summary line without its markup
    QProgressBar *busy = nullptr;
    QTabWidget *tabs = nullptr;
    QTableView *itemView = nullptr;
    QTableView *userView = nullptr;
    QLineEdit *search = nullptr;
    QLabel *matchCount = nullptr;
    QTimer filterTimer;

    QStackedWidget *chartsStack = nullptr;  // the charts, or "Summarizing…"
    QLabel *chartsMessage = nullptr;
    ChartSlot ratings;
    ChartSlot longTail;
    QLabel *longTailShare = nullptr;
    ChartSlot coverage;
};

DatasetBrowser::Private::Private(DatasetBrowser *owner)
    : q(owner)
{
    const QFont base = q->font();
    thumbnails = new ThumbnailCache(48 << 20, this);
    items = new ItemTableModel(thumbnails, this);
    itemProxy = new TableProxy<ItemTableModel>(items, this);
    users = new UserTableModel(this);
    userProxy = new TableProxy<UserTableModel>(users, this);
    connect(thumbnails, &ThumbnailCache::thumbnailReady, this,
            [this](const QString &path, QSize size) { items->thumbnailArrived(path, size); });

    auto *layout = new QVBoxLayout(q);
    layout->setContentsMargins(6, 6, 6, 6);

    auto *top = new QHBoxLayout;
    summaryLine = new QLabel(q);
    summaryLine->setObjectName(QStringLiteral("summaryLine"));
    summaryLine->setWordWrap(true);
    summaryLine->setTextFormat(Qt::RichText);
    summaryLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summaryLine->setFont(sizedFont(base, 12));
    summaryLine->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    busy = new QProgressBar(q);
    busy->setRange(0, 0);
    busy->setMaximumWidth(140);
    busy->setTextVisible(false);
    busy->hide();
    // As tall as the busy bar, so that the tabs do not move when it appears.
    summaryLine->setMinimumHeight(busy->sizeHint().height());
    top->addWidget(summaryLine, 1);
    top->addWidget(busy, 0, Qt::AlignVCenter);
    layout->addLayout(top);

    tabs = new QTabWidget(q);
    layout->addWidget(tabs, 1);

    // Items
    auto *itemPage = new QWidget(tabs);
    auto *itemLayout = new QVBoxLayout(itemPage);
    auto *searchRow = new QHBoxLayout;
    search = new QLineEdit(itemPage);
    search->setObjectName(QStringLiteral("itemSearch"));
    search->setPlaceholderText(DatasetBrowser::tr("Search titles and ids"));
    search->setClearButtonEnabled(true);
    search->setAccessibleName(DatasetBrowser::tr("Search items"));
    matchCount = new QLabel(itemPage);
    matchCount->setObjectName(QStringLiteral("matchCount"));
    searchRow->addWidget(search, 1);
    searchRow->addWidget(matchCount);
    itemLayout->addLayout(searchRow);
    itemView = new QTableView(itemPage);
    itemView->setObjectName(QStringLiteral("itemsTable"));
    itemLayout->addWidget(itemView, 1);
    tabs->addTab(itemPage, DatasetBrowser::tr("Items"));

    // Users
    userView = new QTableView(tabs);
    userView->setObjectName(QStringLiteral("usersTable"));
    tabs->addTab(userView, DatasetBrowser::tr("Users"));

    for (QTableView *view : {itemView, userView}) {
        view->setSortingEnabled(false);
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->setAlternatingRowColors(true);
        view->setWordWrap(false);
        view->setTextElideMode(Qt::ElideRight);
        view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        // Fixed row heights: a table of 60k rows must never measure its contents.
        view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view->verticalHeader()->hide();
        view->horizontalHeader()->setHighlightSections(false);
        view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    }
    itemView->setModel(itemProxy);
    userView->setModel(userProxy);
    itemView->setItemDelegateForColumn(ItemThumbnailColumn, new ThumbnailDelegate(itemView));
    itemView->horizontalHeader()->setSectionResizeMode(ItemThumbnailColumn, QHeaderView::Fixed);
    itemView->setColumnWidth(ItemThumbnailColumn, kThumbnailSize + 12);
    // Three short columns: spread over the width rather than huddled at the left.
    userView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    for (QTableView *view : {itemView, userView})
        view->setSortingEnabled(true);  // after the indicator is cleared: starts in the dataset's order

    // Charts
    chartsStack = new QStackedWidget(tabs);
    chartsMessage = messageLabel(chartsStack, base, QStringLiteral("chartsMessage"));
    auto *chartPage = new QWidget(chartsStack);
    chartPage->setObjectName(QStringLiteral("chartPage"));
    chartPage->setAutoFillBackground(true);
    chartPage->setBackgroundRole(QPalette::Base);
    auto *grid = new QGridLayout(chartPage);
    grid->setContentsMargins(4, 4, 4, 4);
    grid->setSpacing(10);
    ratings.create(chartPage, base, QStringLiteral("rating"), DatasetBrowser::tr("Rating histogram"));
    longTail.create(chartPage, base, QStringLiteral("longTail"), DatasetBrowser::tr("Long tail of item popularity"));
    coverage.create(chartPage, base, QStringLiteral("coverage"), DatasetBrowser::tr("Modality coverage"));
    longTailShare = new QLabel(chartPage);
    longTailShare->setObjectName(QStringLiteral("longTailShare"));
    longTailShare->setWordWrap(true);
    longTailShare->setAlignment(Qt::AlignCenter);
    longTailShare->setFont(sizedFont(base, 13));
    longTailShare->setTextFormat(Qt::RichText);
    auto *tailBox = new QVBoxLayout;
    tailBox->setSpacing(2);
    tailBox->addWidget(longTail.stack, 1);
    tailBox->addWidget(longTailShare);
    grid->addWidget(ratings.stack, 0, 0);
    grid->addLayout(tailBox, 0, 1);
    grid->addWidget(coverage.stack, 1, 0, 1, 2);
    grid->setRowStretch(0, 3);
    grid->setRowStretch(1, 2);
    chartsStack->addWidget(chartsMessage);
    chartsStack->addWidget(chartPage);
    tabs->addTab(chartsStack, DatasetBrowser::tr("Charts"));

    filterTimer.setSingleShot(true);
    filterTimer.setInterval(kFilterDelayMs);
    connect(search, &QLineEdit::textChanged, this, [this] { filterTimer.start(); });
    connect(&filterTimer, &QTimer::timeout, this, [this] { itemProxy->setNeedle(search->text()); });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(itemProxy, signal, this, [this] { updateMatchCount(); });
    }
    connect(itemProxy, &QAbstractItemModel::modelReset, this, [this] { updateMatchCount(); });
    connect(itemProxy, &QAbstractItemModel::layoutChanged, this, [this] { updateMatchCount(); });

    clearCharts(DatasetBrowser::tr("No dataset is loaded."));
    updateSummaryLine();
    updateMatchCount();
}

DatasetBrowser::Private::~Private()
{
    if (cancel)
        cancel->store(true);
}

void DatasetBrowser::Private::startSummary()
{
    if (cancel)
        cancel->store(true);
    cancel.reset();
    const quint64 run = ++generation;
    summarizing = false;
    if (!dataset)
        return;
    summarizing = true;
    cancel = std::make_shared<std::atomic<bool>>(false);
    auto *watcher = new QFutureWatcher<std::shared_ptr<const DatasetSummary>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, run] {
        watcher->deleteLater();
        if (run != generation)
            return;  // superseded by a newer dataset
        summarizing = false;
        cancel.reset();
        applySummary(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([data = dataset, stop = cancel]() -> std::shared_ptr<const DatasetSummary> {
        auto s = std::make_shared<DatasetSummary>(summarize(*data, [stop](double) { return !stop->load(); }));
        return s;
    }));
}

void DatasetBrowser::Private::applySummary(std::shared_ptr<const DatasetSummary> s)
{
    if (!s || !s->complete)
        return;
    summary = std::move(s);
    items->setSummary(summary);
    users->setSummary(summary);
    updateColumns();
    showRatingChart(*summary);
    showLongTail(*summary);
    showCoverage(*summary);
    chartsStack->setCurrentIndex(1);
    busy->hide();
    updateSummaryLine();
    Q_EMIT q->summaryReady();
}

void DatasetBrowser::Private::updateSummaryLine()
{
    if (!dataset) {
        summaryPlain = DatasetBrowser::tr("No dataset is loaded.");
        summaryLine->setText(summaryPlain);
        return;
    }
    const Dataset &d = *dataset;
    QStringList parts;
    parts << (d.itemCount() == 1 ? DatasetBrowser::tr("1 item") : DatasetBrowser::tr("%1 items").arg(number(d.itemCount())))
          << (d.userCount() == 1 ? DatasetBrowser::tr("1 user") : DatasetBrowser::tr("%1 users").arg(number(d.userCount())))
          << (d.interactionCount() == 1 ? DatasetBrowser::tr("1 interaction")
                                        : DatasetBrowser::tr("%1 interactions").arg(number(d.interactionCount())));
    if (!summary) {
        parts << DatasetBrowser::tr("summarizing…");
    } else {
        const DatasetSummary &s = *summary;
        parts << DatasetBrowser::tr("density %1%").arg(percentText(s.density));
        if (s.implicitFeedback)
            parts << DatasetBrowser::tr("implicit feedback");
        else if (!std::isnan(s.ratingMin))
            parts << DatasetBrowser::tr("ratings %1 to %2, mean %3")
                         .arg(ratingText(s.ratingMin), ratingText(s.ratingMax), QLocale().toString(s.ratingMean, 'f', 2));
        if (s.hasTimestamps)
            parts << timeSpanText(s.firstTimestamp, s.lastTimestamp);
    }
    const QString facts = parts.join(QStringLiteral(" · "));
    summaryPlain = d.name.isEmpty() ? facts : DatasetBrowser::tr("%1: %2").arg(d.name, facts);
    summaryLine->setText(d.name.isEmpty() ? facts.toHtmlEscaped()
                                          : DatasetBrowser::tr("%1: %2").arg(QStringLiteral("<b>%1</b>").arg(d.name.toHtmlEscaped()),
                                                                             facts.toHtmlEscaped()));
}

void DatasetBrowser::Private::updateMatchCount()
{
    const int total = items->rowCount();
    const int shown = itemProxy->rowCount();
    matchCount->setText(shown == total ? (total == 1 ? DatasetBrowser::tr("1 item") : DatasetBrowser::tr("%1 items").arg(number(total)))
                                       : DatasetBrowser::tr("%1 of %2 items").arg(number(shown), number(total)));
}

// Columns that would be empty for this dataset are hidden; row heights follow the thumbnails.
void DatasetBrowser::Private::updateColumns()
{
    const bool implicit = summary && summary->implicitFeedback;
    itemView->setColumnHidden(ItemThumbnailColumn, !items->hasImages());
    itemView->setColumnHidden(ItemTitleColumn, !items->hasTitles());
    itemView->setColumnHidden(ItemCategoryColumn, !items->hasCategories());
    itemView->setColumnHidden(ItemTextColumn, !items->hasText());
    itemView->setColumnHidden(ItemMeanColumn, implicit);
    // The widest kinds of content present share the free width (title and text, else the id), so the
    // counts stay in view on a narrow window instead of behind a horizontal scroll bar.
    const bool stretchId = !items->hasText() && !items->hasTitles();
    for (int column : {ItemIdColumn, ItemTitleColumn, ItemTextColumn}) {
        const bool stretch = column == ItemIdColumn ? stretchId : true;
        itemView->horizontalHeader()->setSectionResizeMode(column, stretch ? QHeaderView::Stretch : QHeaderView::Interactive);
    }
    userView->setColumnHidden(UserMeanColumn, implicit);
    const int textRow = QFontMetrics(itemView->font()).height() + 10;
    itemView->verticalHeader()->setDefaultSectionSize(items->hasImages() ? std::max(kThumbnailSize + 8, textRow) : textRow);
    userView->verticalHeader()->setDefaultSectionSize(textRow);

    // Widths from the header texts and a sample of the values, never from all rows.
    const QFontMetrics metrics(itemView->font());
    auto fit = [&metrics](QTableView *view, int column, const QString &sample) {
        const QString header = view->model()->headerData(column, Qt::Horizontal).toString();
        const int width = std::max(metrics.horizontalAdvance(header), metrics.horizontalAdvance(sample)) + 4 * metrics.averageCharWidth();
        view->setColumnWidth(column, width);
    };
    // The widest of the first few hundred values, up to a limit (a long title is elided, and its
    // tooltip has it whole).
    auto widest = [&metrics](const QStringList &values, int limit) {
        int width = 0;
        const qsizetype sample = std::min<qsizetype>(values.size(), 300);
        for (qsizetype i = 0; i < sample; ++i)
            width = std::max(width, metrics.horizontalAdvance(values[i]));
        return std::min(width, limit);
    };
    const int charWidth = metrics.averageCharWidth();
    auto fitValues = [&](int column, const QStringList &values, int limitChars) {
        const int header = metrics.horizontalAdvance(itemView->model()->headerData(column, Qt::Horizontal).toString());
        itemView->setColumnWidth(column, std::max(header, widest(values, limitChars * charWidth)) + 3 * charWidth);
    };
    fitValues(ItemIdColumn, dataset ? dataset->itemIds : QStringList(), 24);
    fitValues(ItemTitleColumn, dataset ? dataset->itemTitles : QStringList(), 48);
    fitValues(ItemCategoryColumn, dataset ? dataset->itemCategories : QStringList(), 20);
    fit(itemView, ItemRatingsColumn, QStringLiteral("000,000"));
    fit(itemView, ItemMeanColumn, QStringLiteral("0.00"));
}

void DatasetBrowser::Private::clearCharts(const QString &message)
{
    chartsMessage->setText(message);
    chartsStack->setCurrentIndex(0);
}

void DatasetBrowser::Private::showRatingChart(const DatasetSummary &s)
{
    if (s.implicitFeedback) {
        ratings.say(DatasetBrowser::tr("<b>Ratings</b><br><br>Implicit feedback: every interaction counts 1, "
                                       "so there is no rating distribution to show."));
        return;
    }
    if (s.histogram.empty()) {
        ratings.say(DatasetBrowser::tr("<b>Ratings</b><br><br>This dataset has no ratings."));
        return;
    }
    const QFont base = q->font();
    QChart *chart = newChart(DatasetBrowser::tr("Rating histogram"), base, q->palette());
    auto *set = new QBarSet(DatasetBrowser::tr("interactions"));
    set->setColor(kBarColor);
    set->setBorderColor(kBarColor);
    QStringList categories;
    qint64 highest = 0;
    for (const RatingBin &bin : s.histogram) {
        *set << double(bin.count);
        highest = std::max(highest, bin.count);
        categories << (bin.low == bin.high ? ratingText(bin.low)
                                           : QStringLiteral("%1–%2").arg(QLocale().toString(bin.low, 'g', 3),
                                                                         QLocale().toString(bin.high, 'g', 3)));
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setBarWidth(0.8);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    styleAxis(x, base, q->palette(), DatasetBrowser::tr("rating"));
    auto *y = new QValueAxis;
    styleAxis(y, base, q->palette(), DatasetBrowser::tr("interactions"));
    y->setRange(0, std::max<double>(1, double(highest)) * 1.05);
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);

    const qint64 total = s.interactions;
    const std::vector<RatingBin> bins = s.histogram;
    connect(set, &QBarSet::hovered, chart, [bins, categories, total](bool on, int index) {
        if (!on || index < 0 || size_t(index) >= bins.size()) {
            QToolTip::hideText();
            return;
        }
        QToolTip::showText(QCursor::pos(), DatasetBrowser::tr("rating %1: %2 interactions (%3%)")
                                               .arg(categories[index], number(bins[size_t(index)].count),
                                                    percentText(total > 0 ? double(bins[size_t(index)].count) / double(total) : 0)));
    });
    ratings.show(chart);
}

void DatasetBrowser::Private::showLongTail(const DatasetSummary &s)
{
    // Items without interactions cannot sit on a log axis (a value ≤ 0 hides the whole series):
    // the curve stops at the last item with one, and the text says how many follow.
    int positive = 0;
    while (positive < int(s.popularityCounts.size()) && s.popularityCounts[size_t(positive)] > 0)
        ++positive;
    const QString withoutText = s.itemsWithoutInteractions > 0
        ? QStringLiteral("<br>") + (s.itemsWithoutInteractions == 1 ? DatasetBrowser::tr("1 item without any interaction is not drawn.")
                                         : DatasetBrowser::tr("%1 items without any interaction are not drawn.").arg(number(s.itemsWithoutInteractions)))
        : QString();
    if (positive == 0) {
        longTail.say(DatasetBrowser::tr("<b>Long tail</b><br><br>No item has an interaction yet."));
        longTailShare->clear();
        return;
    }
    const QFont base = q->font();
    QChart *chart = newChart(DatasetBrowser::tr("Long tail: interactions per item"), base, q->palette());
    auto *series = new QLineSeries;
    series->setPen(QPen(kBarColor, 2.5));
    // The steep head rank by rank, then evenly spread ranks: the curve is non-increasing, so a
    // sample keeps its shape, and a 60k-item tail costs a couple of thousand points.
    QList<QPointF> points;
    const int head = std::min(positive, kLongTailHead);
    for (int r = 0; r < head; ++r)
        points.append(QPointF(r + 1, s.popularityCounts[size_t(r)]));
    if (positive > head) {
        const double step = std::max(1.0, double(positive - head) / kLongTailSamples);
        for (double r = head; r < positive - 1; r += step)
            points.append(QPointF(std::floor(r) + 1, s.popularityCounts[size_t(r)]));
        points.append(QPointF(positive, s.popularityCounts[size_t(positive - 1)]));
    }
    series->replace(points);
    chart->addSeries(series);

    const double most = s.popularityCounts.front();
    const double least = s.popularityCounts[size_t(positive - 1)];
    double low = std::pow(10.0, std::floor(std::log10(least)));
    double high = std::pow(10.0, std::ceil(std::log10(most)));
    if (!(high > low))
        high = low * 10;
    auto *x = new QValueAxis;
    styleAxis(x, base, q->palette(), DatasetBrowser::tr("items, most popular first"));
    // The axis ends at the last item, with round ticks from 0: 62,000 items end at 62,000, not 80,000.
    const int lastRank = std::max(2, s.items);
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0);
    x->setTickInterval(std::max(1.0, niceStep(lastRank / 4.0)));
    x->setRange(lastRank < 10 ? 1 : 0, lastRank);
    x->setLabelFormat(QStringLiteral("%.0f"));
    auto *y = new QLogValueAxis;
    styleAxis(y, base, q->palette(), DatasetBrowser::tr("interactions (log scale)"));
    y->setBase(10);
    y->setLabelFormat(QStringLiteral("%.0f"));
    // Minor lines only while there are few decades: more of them turn the plot grey.
    y->setMinorTickCount(std::log10(high / low) <= 3.5 ? -1 : 0);
    y->setMinorGridLineColor(chartMix(q->palette(), 0.06));
    // A hair wider: pow(10, k) can land just inside the range and lose its label.
    y->setRange(low * (1 - 1e-9), high * (1 + 1e-9));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);

    // The top-20% boundary as a dashed vertical line.
    if (s.topItems < s.items) {
        auto *marker = new QLineSeries;
        QPen pen(kMarkerColor, 2, Qt::DashLine);
        marker->setPen(pen);
        marker->append(s.topItems + 0.5, low);
        marker->append(s.topItems + 0.5, high);
        chart->addSeries(marker);
        marker->attachAxis(x);
        marker->attachAxis(y);
    }
    longTail.show(chart);
    longTail.view->setToolTip(DatasetBrowser::tr("Every item is a point: its number of interactions, most popular item first, "
                                                 "on a logarithmic scale. A steep start and a long flat tail mean that a few "
                                                 "items get most of the attention."));

    const QString colour = kMarkerColor.name();
    longTailShare->setText(DatasetBrowser::tr("The top 20% of items (%1, left of the <span style=\"color:%2\">dashed line</span>) "
                                              "receive <b>%3%</b> of all interactions.")
                               .arg(number(s.topItems), colour, percentText(s.topShare))
                           + withoutText);
}

void DatasetBrowser::Private::showCoverage(const DatasetSummary &s)
{
    if (s.coverage.empty()) {
        coverage.say(DatasetBrowser::tr("<b>Modality coverage</b><br><br>This dataset has no item modalities."));
        return;
    }
    const QFont base = q->font();
    QChart *chart = newChart(DatasetBrowser::tr("Modality coverage: items that have each modality"), base, q->palette());
    auto *set = new QBarSet(DatasetBrowser::tr("items"));
    set->setColor(kBarColor);
    set->setBorderColor(kBarColor);
    set->setLabelColor(Qt::white);
    set->setLabelFont(sizedFont(base, 11, true));
    QStringList categories;
    // Horizontal bars list their categories from the bottom up: reversed, the first modality is on top.
    for (auto it = s.coverage.rbegin(); it != s.coverage.rend(); ++it) {
        *set << 100.0 * it->fraction;
        // "price (numeric): 590 of 600"; the kind only when the name does not already say it.
        const QString kind = modalityKindName(it->kind);
        const QString name = it->name.compare(kind, Qt::CaseInsensitive) == 0
            ? it->name
            : DatasetBrowser::tr("%1 (%2)").arg(it->name, kind);
        categories << DatasetBrowser::tr("%1: %2 of %3").arg(name, number(it->present), number(it->total));
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.7);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    series->setLabelsFormat(DatasetBrowser::tr("@value%"));
    series->setLabelsPrecision(3);
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    styleAxis(y, base, q->palette(), QString());
    y->setGridLineVisible(false);
    auto *x = new QValueAxis;
    styleAxis(x, base, q->palette(), DatasetBrowser::tr("% of items"));
    x->setRange(0, 100);
    x->setTickType(QValueAxis::TicksFixed);
    x->setTickCount(6);
    x->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    coverage.show(chart);
    coverage.view->setToolTip(DatasetBrowser::tr("The share of items that have something for each modality; the others count "
                                                 "as missing for it."));
}

// ---------------------------------------------------------------------------------------------

DatasetBrowser::DatasetBrowser(QWidget *parent)
    : QWidget(parent)
    , m_d(std::make_unique<Private>(this))
{
}

DatasetBrowser::~DatasetBrowser() = default;

void DatasetBrowser::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::LanguageChange && event->type() != QEvent::PaletteChange)
        return;
    if (event->type() == QEvent::LanguageChange) {
        m_d->updateSummaryLine();
        m_d->updateMatchCount();
    }
    // The charts are made anew in the new language or colours (light or dark palette).
    if (m_d->summary) {
        m_d->showRatingChart(*m_d->summary);
        m_d->showLongTail(*m_d->summary);
        m_d->showCoverage(*m_d->summary);
    }
}

void DatasetBrowser::setDataset(std::shared_ptr<const Dataset> dataset)
{
    m_d->dataset = std::move(dataset);
    m_d->summary.reset();
    m_d->thumbnails->clear();
    m_d->search->blockSignals(true);
    m_d->search->clear();
    m_d->search->blockSignals(false);
    m_d->filterTimer.stop();
    m_d->itemProxy->setNeedle(QString());
    const qreal ratio = devicePixelRatioF();
    m_d->items->setDataset(m_d->dataset, QSize(kThumbnailSize, kThumbnailSize) * ratio);
    m_d->users->setDataset(m_d->dataset);
    m_d->updateColumns();
    m_d->startSummary();
    m_d->busy->setVisible(m_d->summarizing);
    m_d->clearCharts(m_d->dataset ? tr("Summarizing %1 interactions…").arg(number(m_d->dataset->interactionCount()))
                                  : tr("No dataset is loaded."));
    m_d->updateSummaryLine();
    m_d->updateMatchCount();
}

std::shared_ptr<const Dataset> DatasetBrowser::dataset() const
{
    return m_d->dataset;
}

bool DatasetBrowser::isSummarizing() const
{
    return m_d->summarizing;
}

std::shared_ptr<const DatasetSummary> DatasetBrowser::summary() const
{
    return m_d->summary;
}

QString DatasetBrowser::summaryText() const
{
    return m_d->summaryPlain;
}

QTabWidget *DatasetBrowser::tabs() const
{
    return m_d->tabs;
}

QTableView *DatasetBrowser::itemsView() const
{
    return m_d->itemView;
}

QTableView *DatasetBrowser::usersView() const
{
    return m_d->userView;
}

QAbstractItemModel *DatasetBrowser::itemsModel() const
{
    return m_d->itemProxy;
}

QAbstractItemModel *DatasetBrowser::usersModel() const
{
    return m_d->userProxy;
}

QLineEdit *DatasetBrowser::searchField() const
{
    return m_d->search;
}

} // namespace fl
