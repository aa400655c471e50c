// The dataset browser on the demo dataset and on small hand-made ones: model row counts, thumbnails
// that arrive from the background (and a "no image" state for missing and corrupt files), the search
// filter, sorting by counts and means, the charts (labelled, log axis without values ≤ 0, implicit
// feedback said in words), a second setDataset() superseding a pending summary, datasets with one
// item, no modalities or no items, and the thumbnail cache's bound.
//
// FUSIONLAB_SCREENSHOT_DIR=/some/dir makes screenshot() save each tab at 1280×800 there.

#include "engine/data/DatasetSummary.h"
#include "engine/data/ManifestLoader.h"
#include "ui/DatasetBrowser.h"
#include "ui/ThumbnailCache.h"

#include "tests/TestSupport.h"

#include <QAbstractAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <set>

using namespace fl;

namespace {

using fl::test::loadDemo;

using Browser = DatasetBrowser;

struct Rated
{
    int user;
    int item;
    double rating;
};

std::shared_ptr<Dataset> makeDataset(const QStringList &items, const QStringList &users, const QList<Rated> &interactions)
{
    auto d = std::make_shared<Dataset>();
    d->name = QStringLiteral("tiny");
    d->itemIds = items;
    d->itemTitles = items;
    d->userIds = users;
    d->rating.resize(interactions.size());
    for (qsizetype k = 0; k < interactions.size(); ++k) {
        d->interactionUser.push_back(interactions[k].user);
        d->interactionItem.push_back(interactions[k].item);
        d->rating[k] = interactions[k].rating;
    }
    return d;
}

QVariant cell(const QAbstractItemModel *model, int row, int column, int role = Qt::DisplayRole)
{
    return model->index(row, column).data(role);
}

Browser::ThumbnailState thumbnailState(const Browser &browser, int row)
{
    return Browser::ThumbnailState(cell(browser.itemsModel(), row, Browser::ItemThumbnailColumn, Browser::ThumbnailStateRole).toInt());
}

// Lets queued results (summaries, thumbnails) that are already computed reach the widget.
void settle()
{
    QThreadPool::globalInstance()->waitForDone();
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

template<typename T>
T *chartWidget(const Browser &browser, const char *name)
{
    T *widget = browser.findChild<T *>(QLatin1String(name));
    if (!widget)
        qWarning("no child %s", name);
    return widget;
}

bool showsMessage(const Browser &browser, const char *labelName)
{
    auto *label = chartWidget<QLabel>(browser, labelName);
    auto *stack = label ? qobject_cast<QStackedWidget *>(label->parentWidget()) : nullptr;
    return stack && stack->currentWidget() == label;
}

} // namespace

class TestDatasetBrowser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(loadDemo());
        QCOMPARE(loadDemo()->itemCount(), 600);
    }

    void demoRowCounts()
    {
        const auto demo = loadDemo();
        Browser browser;
        QSignalSpy ready(&browser, &Browser::summaryReady);
        browser.setDataset(demo);
        QCOMPARE(browser.itemsModel()->rowCount(), demo->itemCount());
        QCOMPARE(browser.usersModel()->rowCount(), demo->userCount());
        QCOMPARE(browser.itemsModel()->columnCount(), int(Browser::ItemColumnCount));
        QTRY_VERIFY(!browser.isSummarizing());
        QCOMPARE(ready.count(), 1);
        const auto summary = browser.summary();
        QVERIFY(summary);
        QCOMPARE(summary->items, demo->itemCount());
        QCOMPARE(summary->interactions, qint64(demo->interactionCount()));

        // Unsorted, the rows are the dataset's own order, with the summary's counts and means.
        for (int row : {0, 1, 299, 599}) {
            QCOMPARE(cell(browser.itemsModel(), row, Browser::ItemIdColumn).toString(), demo->itemIds[row]);
            QCOMPARE(cell(browser.itemsModel(), row, Browser::ItemTitleColumn).toString(), demo->itemTitles[row]);
            QCOMPARE(cell(browser.itemsModel(), row, Browser::ItemRatingsColumn).toInt(), summary->itemRatingCount[size_t(row)]);
            QCOMPARE(cell(browser.itemsModel(), row, Browser::ItemRatingsColumn, Browser::SortRole).toInt(),
                     summary->itemRatingCount[size_t(row)]);
        }
        int total = 0;
        for (int row = 0; row < browser.usersModel()->rowCount(); ++row)
            total += cell(browser.usersModel(), row, Browser::UserRatingsColumn).toInt();
        QCOMPARE(total, demo->interactionCount());

        // The text column: the first line that is not the title (the demo's text starts with it),
        // the whole text as the tooltip.
        const ModalitySource *text = demo->modality(QStringLiteral("text"));
        QVERIFY(text);
        const QString full = text->texts[0];
        QCOMPARE(cell(browser.itemsModel(), 0, Browser::ItemTextColumn, Qt::ToolTipRole).toString(), full);
        QCOMPARE(cell(browser.itemsModel(), 0, Browser::ItemTextColumn).toString(), full.section(QLatin1Char('\n'), 1, 1));

        const QString line = browser.summaryText();
        QVERIFY2(line.startsWith(QStringLiteral("FusionLab demo shop: ")), qPrintable(line));
        QVERIFY(!browser.itemsView()->isColumnHidden(Browser::ItemTitleColumn));
        QVERIFY(!browser.itemsView()->isColumnHidden(Browser::ItemCategoryColumn));
        QVERIFY2(line.contains(QStringLiteral("%1 items").arg(QLocale().toString(600))), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("%1 interactions").arg(QLocale().toString(demo->interactionCount()))), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("density")), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("ratings 1 to 5")), qPrintable(line));
    }

    void thumbnailArrives()
    {
        const auto demo = loadDemo();
        Browser browser;
        browser.resize(1280, 800);
        browser.setDataset(demo);
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        QVERIFY(!browser.itemsView()->isColumnHidden(Browser::ItemThumbnailColumn));
        QTRY_COMPARE_WITH_TIMEOUT(thumbnailState(browser, 0), Browser::ThumbnailState::Ready, 20000);

        const QImage image = cell(browser.itemsModel(), 0, Browser::ItemThumbnailColumn, Qt::DecorationRole).value<QImage>();
        QVERIFY(!image.isNull());
        QVERIFY(image.width() <= 64 && image.height() <= 64);
        QVERIFY(image.width() == 64 || image.height() == 64);
        // A real picture, not a flat placeholder tile: the demo images have many colours.
        std::set<QRgb> colours;
        for (int y = 0; y < image.height(); y += 4) {
            for (int x = 0; x < image.width(); x += 4)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() > 4, qPrintable(QString::number(colours.size())));
        // And the picture of this item: the same as decoding its file directly.
        const QString path = demo->modality(QStringLiteral("image"))->imagePaths[0];
        QCOMPARE(image, ThumbnailCache::decode(path, QSize(64, 64) * browser.devicePixelRatioF()));
    }

    void searchNarrowsRows()
    {
        const auto demo = loadDemo();
        Browser browser;
        browser.setDataset(demo);
        QAbstractItemModel *model = browser.itemsModel();

        int expected = 0;
        for (int i = 0; i < demo->itemCount(); ++i) {
            if (demo->itemIds[i].contains(QStringLiteral("coffee"), Qt::CaseInsensitive)
                || demo->itemTitles[i].contains(QStringLiteral("coffee"), Qt::CaseInsensitive))
                ++expected;
        }
        QVERIFY(expected > 0 && expected < demo->itemCount());

        QTest::keyClicks(browser.searchField(), QStringLiteral("Coffee"));
        QTRY_COMPARE(model->rowCount(), expected);
        for (int row = 0; row < model->rowCount(); ++row)
            QVERIFY(cell(model, row, Browser::ItemTitleColumn).toString().contains(QStringLiteral("coffee"), Qt::CaseInsensitive));

        browser.searchField()->setText(QStringLiteral("i0042"));
        QTRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(cell(model, 0, Browser::ItemIdColumn).toString(), QStringLiteral("i0042"));

        browser.searchField()->setText(QStringLiteral("no such item anywhere"));
        QTRY_COMPARE(model->rowCount(), 0);

        browser.searchField()->clear();
        QTRY_COMPARE(model->rowCount(), demo->itemCount());
    }

    void sortsByCountsAndMeans()
    {
        const auto demo = loadDemo();
        Browser browser;
        browser.setDataset(demo);
        QTRY_VERIFY(!browser.isSummarizing());
        const auto summary = browser.summary();
        QAbstractItemModel *model = browser.itemsModel();

        browser.itemsView()->sortByColumn(Browser::ItemRatingsColumn, Qt::DescendingOrder);
        QCOMPARE(model->rowCount(), demo->itemCount());
        QCOMPARE(cell(model, 0, Browser::ItemRatingsColumn).toInt(), summary->popularityCounts.front());
        // Ties keep the dataset's order, as the summary's popularity order does.
        QCOMPARE(cell(model, 0, Browser::ItemIdColumn).toString(), demo->itemIds[summary->popularityOrder.front()]);
        for (int row = 1; row < model->rowCount(); ++row)
            QVERIFY(cell(model, row - 1, Browser::ItemRatingsColumn).toInt() >= cell(model, row, Browser::ItemRatingsColumn).toInt());

        browser.itemsView()->sortByColumn(Browser::ItemRatingsColumn, Qt::AscendingOrder);
        QCOMPARE(cell(model, 0, Browser::ItemRatingsColumn).toInt(), summary->popularityCounts.back());
        for (int row = 1; row < model->rowCount(); ++row)
            QVERIFY(cell(model, row - 1, Browser::ItemRatingsColumn).toInt() <= cell(model, row, Browser::ItemRatingsColumn).toInt());

        browser.itemsView()->sortByColumn(Browser::ItemMeanColumn, Qt::DescendingOrder);
        for (int row = 1; row < model->rowCount(); ++row) {
            const double before = cell(model, row - 1, Browser::ItemMeanColumn, Browser::SortRole).toDouble();
            const double after = cell(model, row, Browser::ItemMeanColumn, Browser::SortRole).toDouble();
            QVERIFY(std::isnan(after) || before >= after);
        }

        browser.itemsView()->sortByColumn(Browser::ItemTitleColumn, Qt::AscendingOrder);
        for (int row = 1; row < model->rowCount(); ++row) {
            QVERIFY(cell(model, row - 1, Browser::ItemTitleColumn).toString().compare(
                        cell(model, row, Browser::ItemTitleColumn).toString(), Qt::CaseInsensitive) <= 0);
        }

        QAbstractItemModel *users = browser.usersModel();
        browser.usersView()->sortByColumn(Browser::UserRatingsColumn, Qt::DescendingOrder);
        const int most = *std::max_element(summary->userRatingCount.begin(), summary->userRatingCount.end());
        QCOMPARE(cell(users, 0, Browser::UserRatingsColumn).toInt(), most);
        for (int row = 1; row < users->rowCount(); ++row)
            QVERIFY(cell(users, row - 1, Browser::UserRatingsColumn).toInt() >= cell(users, row, Browser::UserRatingsColumn).toInt());
    }

    void demoCharts()
    {
        const auto demo = loadDemo();
        Browser browser;
        browser.resize(1280, 800);
        browser.setDataset(demo);
        QTRY_VERIFY(!browser.isSummarizing());
        const auto summary = browser.summary();

        auto *ratingView = chartWidget<QChartView>(browser, "ratingChart");
        QVERIFY(ratingView);
        QVERIFY(!showsMessage(browser, "ratingMessage"));
        QChart *rating = ratingView->chart();
        QVERIFY(!rating->title().isEmpty());
        QCOMPARE(rating->series().size(), 1);
        auto *bars = qobject_cast<QBarSeries *>(rating->series().front());
        QVERIFY(bars);
        QCOMPARE(bars->barSets().size(), 1);
        QCOMPARE(bars->barSets().front()->count(), 5);  // ratings 1 … 5
        qint64 barTotal = 0;
        for (int i = 0; i < 5; ++i)
            barTotal += qint64(bars->barSets().front()->at(i));
        QCOMPARE(barTotal, summary->interactions);
        for (QAbstractAxis *axis : rating->axes())
            QVERIFY(!axis->titleText().isEmpty());

        auto *tailView = chartWidget<QChartView>(browser, "longTailChart");
        QVERIFY(tailView);
        QChart *tail = tailView->chart();
        QVERIFY(!tail->title().isEmpty());
        QVERIFY(!tail->axes(Qt::Vertical).isEmpty());
        auto *logAxis = qobject_cast<QLogValueAxis *>(tail->axes(Qt::Vertical).front());
        QVERIFY(logAxis);
        auto *curve = qobject_cast<QLineSeries *>(tail->series().front());
        QVERIFY(curve && curve->isVisible());
        QCOMPARE(curve->at(0), QPointF(1, summary->popularityCounts.front()));
        for (const QPointF &p : curve->points()) {
            QVERIFY(p.y() > 0);
            QVERIFY(p.y() >= logAxis->min() && p.y() <= logAxis->max());
        }
        auto *share = chartWidget<QLabel>(browser, "longTailShare");
        QVERIFY(share);
        QVERIFY2(share->text().contains(QLocale().toString(summary->topItems)), qPrintable(share->text()));

        auto *coverageView = chartWidget<QChartView>(browser, "coverageChart");
        QVERIFY(coverageView);
        QChart *coverage = coverageView->chart();
        QCOMPARE(coverage->series().size(), 1);
        auto *coverageBars = qobject_cast<QAbstractBarSeries *>(coverage->series().front());
        QVERIFY(coverageBars);
        QCOMPARE(coverageBars->barSets().front()->count(), int(demo->modalities.size()));
        // Listed bottom-up: the last bar is the first modality.
        const ModalitySource &first = demo->modalities.front();
        QCOMPARE(coverageBars->barSets().front()->at(int(demo->modalities.size()) - 1),
                 100.0 * (first.missing.size() - size_t(first.missingCount())) / double(demo->itemCount()));
    }

    void newerDatasetSupersedesPendingSummary()
    {
        const auto demo = loadDemo();
        auto tinyData = makeDataset({"a", "b"}, {"u"}, {{0, 0, 4}, {0, 1, 2}, {0, 1, 3}});
        std::shared_ptr<const Dataset> tiny = tinyData;

        Browser browser;
        QSignalSpy ready(&browser, &Browser::summaryReady);
        browser.setDataset(demo);
        browser.setDataset(tiny);
        QTRY_VERIFY(!browser.isSummarizing());
        settle();  // the demo's summary has finished too, and must not have been applied
        QCOMPARE(ready.count(), 1);
        QCOMPARE(browser.dataset(), tiny);
        QCOMPARE(browser.summary()->items, 2);
        QCOMPARE(browser.itemsModel()->rowCount(), 2);
        QCOMPARE(cell(browser.itemsModel(), 1, Browser::ItemRatingsColumn).toInt(), 2);
        QCOMPARE(cell(browser.itemsModel(), 1, Browser::ItemMeanColumn).toString(), QLocale().toString(2.5, 'f', 2));

        // And the other way round.
        browser.setDataset(tiny);
        browser.setDataset(demo);
        QTRY_VERIFY(!browser.isSummarizing());
        settle();
        QCOMPARE(ready.count(), 2);
        QCOMPARE(browser.dataset(), demo);
        QCOMPARE(browser.summary()->items, 600);
        QCOMPARE(browser.itemsModel()->rowCount(), 600);
    }

    void implicitFeedbackAndOneItem()
    {
        Browser browser;
        browser.resize(1000, 700);
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));

        // Implicit feedback: every rating 1. No modalities, no images, no text.
        auto implicit = makeDataset({"a", "b", "c"}, {"u1", "u2"}, {{0, 0, 1}, {1, 0, 1}, {1, 2, 1}});
        browser.setDataset(implicit);
        QTRY_VERIFY(!browser.isSummarizing());
        QVERIFY(browser.summary()->implicitFeedback);
        QVERIFY(showsMessage(browser, "ratingMessage"));
        QVERIFY(chartWidget<QLabel>(browser, "ratingMessage")->text().contains(QStringLiteral("every interaction counts 1")));
        QVERIFY(showsMessage(browser, "coverageMessage"));
        QVERIFY(browser.summaryText().contains(QStringLiteral("implicit feedback")));
        QVERIFY(browser.itemsView()->isColumnHidden(Browser::ItemThumbnailColumn));
        QVERIFY(browser.itemsView()->isColumnHidden(Browser::ItemTitleColumn));  // titles repeat the ids
        QVERIFY(browser.itemsView()->isColumnHidden(Browser::ItemCategoryColumn));
        QVERIFY(browser.itemsView()->isColumnHidden(Browser::ItemTextColumn));
        QVERIFY(browser.itemsView()->isColumnHidden(Browser::ItemMeanColumn));
        QCOMPARE(thumbnailState(browser, 0), Browser::ThumbnailState::NoImage);
        // Item c has one interaction, b none: the long tail stops before b and says so.
        QVERIFY(!showsMessage(browser, "longTailMessage"));
        QVERIFY(chartWidget<QLabel>(browser, "longTailShare")->text().contains(QStringLiteral("1 item without")));
        browser.tabs()->setCurrentIndex(2);
        QVERIFY(!browser.grab().isNull());

        // One item.
        auto one = makeDataset({"only"}, {"u1", "u2"}, {{0, 0, 4}, {1, 0, 5}});
        browser.setDataset(one);
        QTRY_VERIFY(!browser.isSummarizing());
        QCOMPARE(browser.itemsModel()->rowCount(), 1);
        QCOMPARE(cell(browser.itemsModel(), 0, Browser::ItemMeanColumn).toString(), QLocale().toString(4.5, 'f', 2));
        QVERIFY(chartWidget<QLabel>(browser, "longTailShare")->text().contains(QStringLiteral("100")));
        QVERIFY(!browser.grab().isNull());

        // No interactions at all, no items at all, and nothing.
        browser.setDataset(makeDataset({"a"}, {}, {}));
        QTRY_VERIFY(!browser.isSummarizing());
        QVERIFY(showsMessage(browser, "longTailMessage"));
        QVERIFY(showsMessage(browser, "ratingMessage"));
        browser.setDataset(std::make_shared<const Dataset>());
        QTRY_VERIFY(!browser.isSummarizing());
        QCOMPARE(browser.itemsModel()->rowCount(), 0);
        QVERIFY(!browser.grab().isNull());
        browser.setDataset(nullptr);
        QVERIFY(!browser.isSummarizing());
        QVERIFY(!browser.summary());
        QCOMPARE(browser.itemsModel()->rowCount(), 0);
        QCOMPARE(browser.usersModel()->rowCount(), 0);
    }

    void missingAndCorruptImages()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString corrupt = dir.filePath(QStringLiteral("corrupt.png"));
        {
            QFile file(corrupt);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("\x89PNG\r\n\x1a\n this is not really a picture");
        }
        const QString good = dir.filePath(QStringLiteral("good.png"));
        QImage picture(120, 60, QImage::Format_RGB32);
        picture.fill(Qt::red);
        QVERIFY(picture.save(good));

        auto data = makeDataset({"gone", "corrupt", "none", "good"}, {"u"}, {{0, 0, 3}, {0, 3, 4}});
        ModalitySource image;
        image.name = QStringLiteral("image");
        image.kind = ModalityKind::Image;
        image.imagePaths = {dir.filePath(QStringLiteral("does-not-exist.png")), corrupt, QString(), good};
        image.missing = {false, false, true, false};
        data->modalities.push_back(image);

        Browser browser;
        browser.resize(900, 500);
        browser.setDataset(data);
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        QTRY_COMPARE(thumbnailState(browser, 0), Browser::ThumbnailState::Failed);
        QTRY_COMPARE(thumbnailState(browser, 1), Browser::ThumbnailState::Failed);
        QCOMPARE(thumbnailState(browser, 2), Browser::ThumbnailState::NoImage);
        QTRY_COMPARE(thumbnailState(browser, 3), Browser::ThumbnailState::Ready);
        const QImage thumb = cell(browser.itemsModel(), 3, Browser::ItemThumbnailColumn, Qt::DecorationRole).value<QImage>();
        QCOMPARE(thumb.size(), QSize(64, 32) * browser.devicePixelRatioF());
        QCOMPARE(thumb.pixelColor(10, 10), QColor(Qt::red));
        QVERIFY(cell(browser.itemsModel(), 1, Browser::ItemThumbnailColumn, Qt::ToolTipRole).toString().contains(corrupt));
        const QPixmap shot = browser.grab();
        QVERIFY(!shot.isNull());
        const QString out = qEnvironmentVariable("FUSIONLAB_SCREENSHOT_DIR");
        if (!out.isEmpty())
            QVERIFY(shot.save(QDir(out).filePath(QStringLiteral("browser-no-image.png"))));
        QTRY_VERIFY(!browser.isSummarizing());
        // The coverage chart counts the masked item only: 3 of 4 have an image.
        auto *coverage = chartWidget<QChartView>(browser, "coverageChart");
        auto *bars = qobject_cast<QAbstractBarSeries *>(coverage->chart()->series().front());
        QCOMPARE(bars->barSets().front()->at(0), 75.0);
    }

    void thumbnailCacheIsBounded()
    {
        const auto demo = loadDemo();
        const QStringList &paths = demo->modality(QStringLiteral("image"))->imagePaths;
        const QSize size(64, 64);
        // Room for one 64×64 thumbnail (16 KiB) and a little.
        ThumbnailCache cache(20000);
        QSignalSpy ready(&cache, &ThumbnailCache::thumbnailReady);
        QImage image;
        QCOMPARE(cache.lookup(paths[0], size, &image), ThumbnailCache::State::Loading);
        QCOMPARE(cache.lookup(paths[0], size, &image), ThumbnailCache::State::Loading);  // not scheduled twice
        QTRY_COMPARE(ready.count(), 1);
        QCOMPARE(ready.front().at(0).toString(), paths[0]);
        QCOMPARE(cache.lookup(paths[0], size, &image), ThumbnailCache::State::Ready);
        QCOMPARE(image, ThumbnailCache::decode(paths[0], size));

        for (int i = 1; i <= 3; ++i)
            QCOMPARE(cache.lookup(paths[i], size), ThumbnailCache::State::Loading);
        QTRY_COMPARE(ready.count(), 4);
        QCOMPARE(cache.pendingCount(), 0);
        QCOMPARE(cache.cachedCount(), 1);
        QCOMPARE(cache.lookup(QString(), size), ThumbnailCache::State::Failed);

        // Another size is another thumbnail.
        QCOMPARE(cache.lookup(paths[3], QSize(32, 32), &image), ThumbnailCache::State::Loading);
        QTRY_COMPARE(cache.lookup(paths[3], QSize(32, 32), &image), ThumbnailCache::State::Ready);
        QVERIFY(image.width() <= 32 && image.height() <= 32);

        cache.clear();
        QCOMPARE(cache.cachedCount(), 0);
        QCOMPARE(cache.pendingCount(), 0);
    }

    // A top-down BMP (Qt states its size as 40 × -30) is scaled like any image; one stating more pixels
    // than the embedder decodes gets no thumbnail, without being decoded.
    void thumbnailOfTopDownAndHugeBitmaps()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString topDown = dir.filePath(QStringLiteral("top-down.bmp"));
        QVERIFY(test::writeFile(topDown, test::bmpFile(40, -30, true, 200, 10, 20)));
        const QImage thumbnail = ThumbnailCache::decode(topDown, QSize(16, 16));
        QCOMPARE(thumbnail.size(), QSize(16, 12));
        QCOMPARE(QColor(thumbnail.pixel(8, 6)), QColor(200, 10, 20));

        const QString huge = dir.filePath(QStringLiteral("huge.bmp"));
        QVERIFY(test::writeFile(huge, test::bmpFile(2, -30'000'000, false)));
        QVERIFY(ThumbnailCache::decode(huge, QSize(16, 16)).isNull());
    }

    void screenshot()
    {
        const auto demo = loadDemo();
        Browser browser;
        browser.resize(1280, 800);
        browser.setDataset(demo);
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        QTRY_VERIFY(!browser.isSummarizing());
        // Every visible thumbnail in.
        QTRY_VERIFY_WITH_TIMEOUT(thumbnailState(browser, 0) == Browser::ThumbnailState::Ready
                                     && thumbnailState(browser, 8) == Browser::ThumbnailState::Ready, 20000);
        const QString out = qEnvironmentVariable("FUSIONLAB_SCREENSHOT_DIR");
        auto save = [&browser, &out](const QString &name, bool runEvents = true) {
            if (runEvents)
                QCoreApplication::processEvents();
            const QPixmap shot = browser.grab();
            if (shot.size() != QSize(1280, 800) * shot.devicePixelRatio())
                return false;
            return out.isEmpty() || shot.save(QDir(out).filePath(QStringLiteral("browser-%1.png").arg(name)));
        };
        const char *names[] = {"items", "users", "charts"};
        for (int tab = 0; tab < 3; ++tab) {
            browser.tabs()->setCurrentIndex(tab);
            QVERIFY(save(QLatin1String(names[tab])));
        }

        // While a summary is pending (its result cannot arrive before the event loop runs).
        browser.setDataset(demo);
        QVERIFY(browser.isSummarizing());
        QVERIFY(save(QStringLiteral("summarizing"), false));
        browser.tabs()->setCurrentIndex(0);
        QVERIFY(save(QStringLiteral("items-summarizing"), false));
        QVERIFY(browser.isSummarizing());

        // Implicit feedback with an item no one touched, and a modality most items lack.
        auto implicit = makeDataset({"a", "b", "c", "d"}, {"u1", "u2"}, {{0, 0, 1}, {1, 0, 1}, {1, 2, 1}, {0, 3, 1}});
        ModalitySource text;
        text.name = QStringLiteral("description");
        text.kind = ModalityKind::Text;
        text.texts = {QStringLiteral("a\nfirst"), QString(), QString(), QString()};
        text.missing = {false, true, true, true};
        implicit->modalities.push_back(text);
        browser.setDataset(implicit);
        QTRY_VERIFY(!browser.isSummarizing());
        browser.tabs()->setCurrentIndex(2);
        QVERIFY(save(QStringLiteral("implicit-charts")));
    }
};

QTEST_MAIN(TestDatasetBrowser)
#include "test_datasetbrowser.moc"
