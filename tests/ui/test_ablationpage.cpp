// The modality ablation chart and page. The chart, on a hand-made ablation: bars as long as the rows'
// means on its own value axis, "all" in the strong colour, exports. The page, on the demo with the
// regression, 2 seeds and 2 epochs: one table row per subset (each modality alone, all but each, all),
// means, minima, maxima and differences to "all" computed here from the runs' values, each run's value
// its record's val_loss, the chart's bars at the rows' means; and Cancel.

#include "ui/AblationChart.h"
#include "ui/AblationPage.h"
#include "ui/LandscapeView.h"
#include "tests/ui/ChartTestSupport.h"

#include "engine/data/DatasetImport.h"
#include "engine/training/RunRecord.h"

#include <QFile>
#include <QImage>
#include <QLocale>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace fl;

namespace {

// With FUSIONLAB_ABLATION_PNG=/some/ablation.png set, pictures are kept for a person to look at.
constexpr char kSnapshotVariable[] = "FUSIONLAB_ABLATION_PNG";

const QColor kAllBar(0, 114, 178);
const QColor kSubsetBar(150, 190, 222);

// text and image, two seeds each: "text alone" 0.50 and 0.54, "image alone" 0.70 and 0.60, "all" 0.40, 0.44.
Ablation handMade()
{
    Ablation a;
    a.metric = QStringLiteral("val_loss");
    a.higherIsBetter = false;
    a.subsets = ablationSubsets({QStringLiteral("text"), QStringLiteral("image")});
    a.planned = int(a.subsets.size()) * 2;
    const std::vector<std::vector<double>> values{{0.50, 0.54}, {0.70, 0.60}, {0.40, 0.44}};
    for (int s = 0; s < 3; ++s) {
        for (int seed = 0; seed < 2; ++seed) {
            AblationRun run;
            run.subset = s;
            run.seed = std::uint64_t(seed + 1);
            run.value = values[size_t(s)][size_t(seed)];
            a.runs.push_back(run);
        }
    }
    return a;
}

QSpinBox *seedsOf(AblationPage &page)
{
    for (QSpinBox *spin : page.findChildren<QSpinBox *>()) {
        if (spin->accessibleName() == QLatin1String("Seeds"))
            return spin;
    }
    return nullptr;
}

} // namespace

class TestAblationPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void chartDrawsTheMeans();
    void chartExports();
    void pageRunsEverySubset();
    void cancelStopsPartWay();

private:
    std::shared_ptr<const Dataset> m_demo;
    DatasetIdentity m_identity;
};

void TestAblationPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
    Result<Dataset> demo = importDataset(QStringLiteral("demo"));
    QVERIFY2(demo.ok(), qPrintable(demo.ok() ? QString() : demo.error()));
    m_demo = std::make_shared<const Dataset>(std::move(demo).value());
    m_identity = identifyDataset(*m_demo, QStringLiteral("demo"));
}

void TestAblationPage::chartDrawsTheMeans()
{
    AblationChart chart;
    chart.resize(700, 320);
    chart.setAblation(handMade());
    QCOMPARE(int(chart.rows().size()), 3);
    const std::vector<double> means{0.52, 0.65, 0.42};
    for (int i = 0; i < 3; ++i) {
        const QRectF bar = chart.barRect(i);
        QVERIFY(!bar.isEmpty());
        // Bars start at the axis' start and end at the mean.
        QVERIFY(std::abs(chart.valueAt(bar.left()) - chart.axisStart()) < 1e-9);
        QVERIFY2(std::abs(chart.valueAt(bar.right()) - means[size_t(i)]) < 1e-9,
                 qPrintable(QString::number(chart.valueAt(bar.right()))));
    }
    // 0.40 … 0.70 is a band far from zero: the axis starts below it, at a round value.
    QVERIFY(chart.axisStart() > 0 && chart.axisStart() <= 0.40);
    QCOMPARE(std::round(chart.axisStart() * 100) / 100, chart.axisStart());
    // Longer bar, larger mean: image alone (0.65) is the longest.
    QVERIFY(chart.barRect(1).width() > chart.barRect(0).width());
    QVERIFY(chart.barRect(0).width() > chart.barRect(2).width());

    // "all" is the strong blue, the others the light one.
    const QImage image = chart.grab().toImage();
    const qreal ratio = image.devicePixelRatio();
    auto colorAt = [&](int row) {
        const QRectF bar = chart.barRect(row);
        const QPointF at(bar.left() + 4, bar.top() + 3);
        return image.pixelColor(QPoint(int(at.x() * ratio), int(at.y() * ratio)));
    };
    QCOMPARE(colorAt(2), kAllBar);
    QCOMPARE(colorAt(0), kSubsetBar);
    QCOMPARE(colorAt(1), kSubsetBar);
    fl::test::keepSnapshot(kSnapshotVariable, image, QStringLiteral("chart"));

    // Values spread from near zero: bars start at zero.
    Ablation wide = handMade();
    wide.runs[0].value = 0.05;
    chart.setAblation(wide);
    QCOMPARE(chart.axisStart(), 0.0);
    QVERIFY(std::abs(chart.valueAt(chart.barRect(0).left())) < 1e-9);

    // A row without values yet has no bar.
    Ablation partial = handMade();
    partial.runs.erase(std::remove_if(partial.runs.begin(), partial.runs.end(), [](const AblationRun &r) { return r.subset == 1; }),
                       partial.runs.end());
    chart.setAblation(partial);
    QVERIFY(chart.barRect(1).isEmpty());
    QVERIFY(!chart.barRect(0).isEmpty());
}

void TestAblationPage::chartExports()
{
    AblationChart chart;
    chart.resize(700, 320);
    chart.setAblation(handMade());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;

    const QString csv = dir.filePath(QStringLiteral("ablation.csv"));
    QVERIFY2(chart.exportTo(csv, &error), qPrintable(error));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csvFile.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines[1].startsWith("text alone,text,0.52"));

    const QString png = dir.filePath(QStringLiteral("ablation.png"));
    QVERIFY2(chart.exportTo(png, &error), qPrintable(error));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(fl::test::pixelsNear(image, kAllBar) > 100);

    const QString svg = dir.filePath(QStringLiteral("ablation.svg"));
    QVERIFY2(chart.exportTo(svg, &error), qPrintable(error));
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QByteArray svgBytes = svgFile.readAll();
    QVERIFY(svgBytes.contains("<svg"));
    QVERIFY(svgBytes.contains("image alone"));
    QVERIFY(chart.toSvg(QSize(640, 300)).contains("<svg"));
}

void TestAblationPage::pageRunsEverySubset()
{
    AblationPage page;
    page.resize(1024, 700);
    QSignalSpy finished(&page, &AblationPage::finished);
    RunConfig config;
    config.pipeline = defaultPipelineConfig(*m_demo);
    config.training.epochs = 2;
    page.setContext(m_demo, m_identity, config);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QSpinBox *seeds = seedsOf(page);
    QVERIFY(seeds);
    QCOMPARE(seeds->value(), 3);
    seeds->setValue(2);
    QCOMPARE(page.request().metric, QStringLiteral("val_loss"));
    page.run();
    QVERIFY(page.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 300000);

    // text, image and price: three alone, three all-but, all.
    const Ablation &a = page.ablation();
    QCOMPARE(int(a.subsets.size()), 7);
    QCOMPARE(int(a.runs.size()), 14);
    QCOMPARE(page.progressText(), QStringLiteral("14 / 14 runs"));
    QTableWidget *table = page.table();
    QCOMPARE(table->rowCount(), 7);

    // Means, minima, maxima and differences to "all" from the runs, here.
    std::vector<double> means(7, 0.0);
    std::vector<double> mins(7, 1e300);
    std::vector<double> maxs(7, -1e300);
    for (const AblationRun &run : a.runs) {
        QCOMPARE(run.value, run.record.summaryValues().value(QStringLiteral("val_loss")));
        QCOMPARE(run.record.summary.epochs, 2);
        QVERIFY(std::isfinite(run.value));
        means[size_t(run.subset)] += run.value / 2;
        mins[size_t(run.subset)] = std::min(mins[size_t(run.subset)], run.value);
        maxs[size_t(run.subset)] = std::max(maxs[size_t(run.subset)], run.value);
        // The run trained exactly its subset's modalities.
        QStringList enabled;
        for (const ModalityConfig &m : run.record.config.pipeline.modalities) {
            if (m.enabled)
                enabled << m.name;
        }
        QCOMPARE(enabled, a.subsets[size_t(run.subset)].modalities);
    }
    int all = -1;
    for (int i = 0; i < 7; ++i) {
        if (a.subsets[size_t(i)].kind == QLatin1String("all"))
            all = i;
    }
    QCOMPARE(all, 6);
    const AblationChart *chart = page.chart();
    for (int i = 0; i < 7; ++i) {
        QCOMPARE(table->item(i, 0)->text(), a.subsets[size_t(i)].label);
        QCOMPARE(table->item(i, 1)->text(), formatLandscapeValue(means[size_t(i)]));
        QCOMPARE(table->item(i, 2)->text(), formatLandscapeValue(mins[size_t(i)]));
        QCOMPARE(table->item(i, 3)->text(), formatLandscapeValue(maxs[size_t(i)]));
        QCOMPARE(table->item(i, 5)->text(), QStringLiteral("2 / 2"));
        if (i != all) {
            const double delta = means[size_t(i)] - means[size_t(all)];
            QCOMPARE(table->item(i, 4)->text().replace(QChar(0x2212), QLatin1Char('-')).toDouble(),
                     std::round(delta * 1e4) / 1e4);
        }
        const QRectF bar = chart->barRect(i);
        QVERIFY(std::abs(chart->valueAt(bar.right()) - means[size_t(i)]) < 1e-9 * std::max(1.0, means[size_t(i)]));
    }
    fl::test::keepSnapshot(kSnapshotVariable, page.grab().toImage(), QStringLiteral("page"));
}

void TestAblationPage::cancelStopsPartWay()
{
    AblationPage page;
    QSignalSpy finished(&page, &AblationPage::finished);
    RunConfig config;
    config.pipeline = defaultPipelineConfig(*m_demo);
    config.model.kind = ModelKind::Mf;
    config.training.optimizer = OptimizerKind::Adam;
    config.training.epochs = 40;
    config.model.patience = 0;
    page.setContext(m_demo, m_identity, config);
    QCOMPARE(page.request().metric, QStringLiteral("ndcg@10"));
    page.run();
    QTRY_VERIFY_WITH_TIMEOUT(page.ablation().runs.size() >= 1, 300000);
    page.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 300000);
    QVERIFY(!page.isRunning());
    QVERIFY2(int(page.ablation().runs.size()) < page.ablation().planned, qPrintable(page.statusText()));
    QVERIFY2(page.statusText().startsWith(QStringLiteral("Cancelled after")), qPrintable(page.statusText()));
    QCOMPARE(page.table()->rowCount(), 7);
}

QTEST_MAIN(TestAblationPage)
#include "test_ablationpage.moc"
