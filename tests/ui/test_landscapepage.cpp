// The α–β landscape view and page. The view, on hand-made 3 × 3 landscapes: the best cell is the
// minimum of a loss and the maximum of a metric, and it (and only it) wears the bright end of viridis;
// the hover read-out; a click at a cell's centre emits its weights; an unfilled cell is grey until
// updateCell() fills it; failed cells are hatched; CSV, PNG and SVG exports. The page, on the demo:
// the regression's closed-form landscape arrives by itself and its cells equal the closed-form
// optimum of a run prepared with those weights; a click asks for a run with the cell's weights; a
// small trained grid fills in with progress; Cancel stops a trained grid part-way.

#include "ui/LandscapePage.h"
#include "ui/LandscapeView.h"
#include "tests/ui/ChartTestSupport.h"
#include "tests/ui/WorkbenchTestSupport.h"

#include "engine/data/DatasetImport.h"
#include "engine/training/PrepareRun.h"
#include "engine/training/RunRecord.h"

#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLocale>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QSpinBox>
#include <QTest>

#include <cmath>
#include <limits>

using namespace fl;

Q_DECLARE_METATYPE(fl::RunConfig)

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// With FUSIONLAB_LANDSCAPE_PNG=/some/landscape.png set, pictures are kept for a person to look at.
constexpr char kSnapshotVariable[] = "FUSIONLAB_LANDSCAPE_PNG";

// text on x (0, 1, 2), image on y (0, 0.5, 1); values row by row from the bottom (iy = 0).
const std::vector<double> kValues{0.9, 0.8, 0.7,  //
                                  0.6, 0.4123, 0.65,  //
                                  0.75, 0.85, 1.2};

Landscape handMade(const QString &metric, bool higherIsBetter, const std::vector<double> &values = kValues)
{
    Landscape l;
    l.request.config = test::textImageConfig();
    l.request.metric = metric;
    l.request.x = LandscapeAxis{QStringLiteral("text"), 0, 2, 3};
    l.request.y = LandscapeAxis{QStringLiteral("image"), 0, 1, 3};
    l.higherIsBetter = higherIsBetter;
    for (int iy = 0; iy < 3; ++iy) {
        for (int ix = 0; ix < 3; ++ix) {
            LandscapeCell cell;
            cell.ix = ix;
            cell.iy = iy;
            cell.x = ix * 1.0;
            cell.y = iy * 0.5;
            cell.value = values[size_t(iy * 3 + ix)];
            cell.status = QStringLiteral("completed");
            l.cells.push_back(cell);
        }
    }
    l.filled = 9;
    return l;
}

// The colour drawn near the top-left corner of a cell (away from its printed value and the best ring).
QColor colorInCell(LandscapeView &view, int ix, int iy)
{
    const QImage image = view.grab().toImage();
    const QRectF r = view.cellRect(ix, iy);
    const QPointF at = r.topLeft() + QPointF(r.width() * 0.15, r.height() * 0.15);
    const qreal ratio = image.devicePixelRatio();
    return image.pixelColor(QPoint(int(at.x() * ratio), int(at.y() * ratio)));
}

bool near(const QColor &a, const QColor &b, int tolerance = 3)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
        && std::abs(a.blue() - b.blue()) <= tolerance;
}

QString describe(const QColor &c)
{
    return QStringLiteral("(%1, %2, %3)").arg(c.red()).arg(c.green()).arg(c.blue());
}

void sendMouseMove(QWidget *widget, const QPointF &position)
{
    QMouseEvent move(QEvent::MouseMove, position, widget->mapToGlobal(position), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(widget, &move);
}

double weightOf(const RunConfig &config, const QString &modality)
{
    for (const ModalityConfig &m : config.pipeline.modalities) {
        if (m.name == modality)
            return m.weight;
    }
    return kNaN;
}

RunConfig demoConfig(const Dataset &dataset)
{
    RunConfig config;
    config.pipeline = defaultPipelineConfig(dataset);
    return config;
}

} // namespace

class TestLandscapePage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void bestCellIsTheBrightEnd_data();
    void bestCellIsTheBrightEnd();
    void hoverReadsTheCellOut();
    void clickEmitsTheCellsWeights();
    void updateCellFillsAnUnfilledCell();
    void failedCellsAreHatched();
    void exportsWriteEachFormat();
    void controlsFollowTheConfig();
    void closedFormLandscapeArrivesByItself();
    void trainedGridFillsInAndCancels();

private:
    std::shared_ptr<const Dataset> m_demo;
    DatasetIdentity m_identity;
};

void TestLandscapePage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
    qRegisterMetaType<fl::RunConfig>("fl::RunConfig");
    Result<Dataset> demo = importDataset(QStringLiteral("demo"));
    QVERIFY2(demo.ok(), qPrintable(demo.ok() ? QString() : demo.error()));
    m_demo = std::make_shared<const Dataset>(std::move(demo).value());
    m_identity = identifyDataset(*m_demo, QStringLiteral("demo"));
}

void TestLandscapePage::bestCellIsTheBrightEnd_data()
{
    QTest::addColumn<QString>("metric");
    QTest::addColumn<bool>("higherIsBetter");
    QTest::addColumn<int>("bestX");
    QTest::addColumn<int>("bestY");
    QTest::addColumn<int>("worstX");
    QTest::addColumn<int>("worstY");
    // A loss: the minimum 0.4123 at (1, 1) is best, the maximum 1.2 at (2, 2) worst; a metric: the reverse.
    QTest::newRow("loss") << QStringLiteral("val_loss") << false << 1 << 1 << 2 << 2;
    QTest::newRow("metric") << QStringLiteral("ndcg@10") << true << 2 << 2 << 1 << 1;
}

void TestLandscapePage::bestCellIsTheBrightEnd()
{
    QFETCH(QString, metric);
    QFETCH(bool, higherIsBetter);
    QFETCH(int, bestX);
    QFETCH(int, bestY);
    QFETCH(int, worstX);
    QFETCH(int, worstY);

    LandscapeView view;
    view.resize(640, 520);
    view.setLandscape(handMade(metric, higherIsBetter));
    QCOMPARE(view.landscape().best(), bestY * 3 + bestX);

    // viridis' ends: dark purple and bright yellow.
    QCOMPARE(LandscapeView::colorMap(0.0), QColor(0x44, 0x01, 0x54));
    QCOMPARE(LandscapeView::colorMap(1.0), QColor(0xfd, 0xe7, 0x25));

    const QColor best = colorInCell(view, bestX, bestY);
    const QColor worst = colorInCell(view, worstX, worstY);
    QVERIFY2(near(best, LandscapeView::colorMap(1.0)), qPrintable(describe(best)));
    QVERIFY2(near(worst, LandscapeView::colorMap(0.0)), qPrintable(describe(worst)));
    // A cell in between: 0.7 at (2, 0) sits (0.7 − 0.4123) / (1.2 − 0.4123) of the way up the range.
    const double fraction = (0.7 - 0.4123) / (1.2 - 0.4123);
    const QColor middle = colorInCell(view, 2, 0);
    const QColor expected = LandscapeView::colorMap(higherIsBetter ? fraction : 1 - fraction);
    QVERIFY2(near(middle, expected), qPrintable(describe(middle) + QStringLiteral(" vs ") + describe(expected)));
    fl::test::keepSnapshot(kSnapshotVariable, view.grab().toImage(), QStringLiteral("view-") + QTest::currentDataTag());
}

void TestLandscapePage::hoverReadsTheCellOut()
{
    LandscapeView view;
    view.resize(640, 520);
    view.setLandscape(handMade(QStringLiteral("val_loss"), false));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    const QPointF centre = view.cellRect(1, 1).center();
    QCOMPARE(view.cellAt(centre), QPoint(1, 1));
    QCOMPARE(view.describeAt(centre), QStringLiteral("text = 1.00, image = 0.50: val_loss 0.4123"));
    QCOMPARE(view.describeAt(view.cellRect(2, 0).center()), QStringLiteral("text = 2.00, image = 0.00: val_loss 0.7000"));
    QCOMPARE(view.describeAt(QPointF(2, 2)), QString());

    QSignalSpy hovered(&view, &LandscapeView::cellHovered);
    sendMouseMove(&view, view.cellRect(0, 2).center());
    QCOMPARE(hovered.count(), 1);
    QCOMPARE(hovered.at(0).at(0).toString(), QStringLiteral("text = 0.00, image = 1.00: val_loss 0.7500"));
}

void TestLandscapePage::clickEmitsTheCellsWeights()
{
    LandscapeView view;
    view.resize(640, 520);
    view.setLandscape(handMade(QStringLiteral("val_loss"), false));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy clicked(&view, &LandscapeView::cellClicked);
    QTest::mouseClick(&view, Qt::LeftButton, {}, view.cellRect(2, 1).center().toPoint());
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.at(0).at(0).toDouble(), 2.0);
    QCOMPARE(clicked.at(0).at(1).toDouble(), 0.5);
    QTest::mouseClick(&view, Qt::LeftButton, {}, view.cellRect(0, 2).center().toPoint());
    QCOMPARE(clicked.count(), 2);
    QCOMPARE(clicked.at(1).at(0).toDouble(), 0.0);
    QCOMPARE(clicked.at(1).at(1).toDouble(), 1.0);
}

void TestLandscapePage::updateCellFillsAnUnfilledCell()
{
    LandscapeView view;
    view.resize(640, 520);
    Landscape l = handMade(QStringLiteral("val_loss"), false);
    LandscapeCell &open = l.cells[size_t(0 * 3 + 1)];   // (1, 0)
    open.status.clear();
    open.value = kNaN;
    l.filled = 8;
    view.setLandscape(l);
    QVERIFY(view.describeCell(1, 0).endsWith(QStringLiteral("not computed yet")));

    // Grey (with lighter stripes) before, not a viridis colour.
    const QColor before = colorInCell(view, 1, 0);
    QVERIFY2(before.red() == before.green() && before.green() == before.blue() && before.red() >= 200,
             qPrintable(describe(before)));

    LandscapeCell cell;
    cell.ix = 1;
    cell.iy = 0;
    cell.x = 1.0;
    cell.y = 0.0;
    cell.value = 0.3;     // better than every other cell: the new best
    cell.status = QStringLiteral("completed");
    view.updateCell(cell);
    QCOMPARE(view.landscape().filled, 9);
    QCOMPARE(view.landscape().at(1, 0).value, 0.3);
    QCOMPARE(view.landscape().best(), 1);
    QVERIFY2(near(colorInCell(view, 1, 0), LandscapeView::colorMap(1.0)), qPrintable(describe(colorInCell(view, 1, 0))));
    // The former best, 0.4123, is no longer the bright end.
    QVERIFY(!near(colorInCell(view, 1, 1), LandscapeView::colorMap(1.0), 20));

    // A cell outside the grid is ignored; a second report of a filled cell does not count twice.
    LandscapeCell outside = cell;
    outside.ix = 3;
    view.updateCell(outside);
    view.updateCell(cell);
    QCOMPARE(view.landscape().filled, 9);
}

void TestLandscapePage::failedCellsAreHatched()
{
    LandscapeView view;
    view.resize(640, 520);
    std::vector<double> values = kValues;
    values[2 * 3 + 0] = kNaN;   // (0, 2)
    Landscape l = handMade(QStringLiteral("val_loss"), false, values);
    l.cells[6].status = QStringLiteral("diverged");
    view.setLandscape(l);
    QCOMPARE(view.describeCell(0, 2), QStringLiteral("text = 0.00, image = 1.00: val_loss — (diverged)"));
    const QImage image = view.grab().toImage();
    const QRectF r = view.cellRect(0, 2);
    const qreal ratio = image.devicePixelRatio();
    const QImage cellImage = image.copy(QRectF(r.topLeft() * ratio, r.size() * ratio).toRect().adjusted(2, 2, -2, -2));
    // Pale background and dark hatch lines: both present.
    QVERIFY(fl::test::pixelsNear(cellImage, QColor(250, 236, 236)) > 50);
    QVERIFY(fl::test::pixelsNear(cellImage, QColor(150, 70, 70)) > 50);
}

void TestLandscapePage::exportsWriteEachFormat()
{
    LandscapeView view;
    view.resize(500, 400);
    view.setLandscape(handMade(QStringLiteral("val_loss"), false));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;

    const QString csv = dir.filePath(QStringLiteral("landscape.csv"));
    QVERIFY2(view.exportTo(csv, &error), qPrintable(error));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csvFile.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 10);
    QCOMPARE(lines[0], QByteArray("text,image,val_loss,train_loss,val_loss,status"));

    const QString png = dir.filePath(QStringLiteral("landscape.png"));
    QVERIFY2(view.exportTo(png, &error), qPrintable(error));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 2 * 320);   // twice the logical size
    QVERIFY(fl::test::pixelsNear(image, LandscapeView::colorMap(1.0)) > 100);

    const QString svg = dir.filePath(QStringLiteral("landscape.svg"));
    QVERIFY2(view.exportTo(svg, &error), qPrintable(error));
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QByteArray svgBytes = svgFile.readAll();
    QVERIFY(svgBytes.contains("<svg"));
    // The axis title "α (text)" (written in two runs, Greek and Latin).
    QVERIFY(svgBytes.contains(">text)</text>"));

    const QByteArray inMemory = view.toSvg(QSize(600, 480));
    QVERIFY(inMemory.contains("<svg"));
    QVERIFY(inMemory.contains("viewBox=\"0 0 600 480\""));

    QVERIFY(!view.exportTo(dir.filePath(QStringLiteral("landscape.txt")), &error));
    QVERIFY(error.contains(QStringLiteral(".png")));
}

void TestLandscapePage::controlsFollowTheConfig()
{
    LandscapePage page;
    RunConfig config = demoConfig(*m_demo);
    config.model.kind = ModelKind::Hybrid;
    config.model.ks = {5, 20};
    config.model.monitor = QStringLiteral("recall@20");
    config.model.split.kind = RecSplitKind::ColdItems;
    config.pipeline.modality(QStringLiteral("image"))->enabled = false;
    page.setContext(m_demo, m_identity, config);

    // Every family at each K, then their cold twins; the monitored metric's cold twin by default.
    QComboBox *metric = nullptr;
    QComboBox *x = nullptr;
    QComboBox *y = nullptr;
    for (QComboBox *box : page.findChildren<QComboBox *>()) {
        if (box->accessibleName() == QLatin1String("Metric"))
            metric = box;
        else if (box->accessibleName() == QLatin1String("Horizontal axis"))
            x = box;
        else if (box->accessibleName() == QLatin1String("Vertical axis"))
            y = box;
    }
    QVERIFY(metric && x && y);
    QCOMPARE(metric->count(), 20);
    QCOMPARE(metric->itemText(0), QStringLiteral("ndcg@5"));
    QCOMPARE(metric->itemText(9), QStringLiteral("map@20"));
    QCOMPARE(metric->itemText(10), QStringLiteral("cold_ndcg@5"));
    QCOMPARE(page.request().metric, QStringLiteral("cold_recall@20"));

    // Only enabled modalities span axes, the first two by default; choosing the other axis's swaps.
    QCOMPARE(x->count(), 2);
    QCOMPARE(page.request().x.modality, QStringLiteral("text"));
    QCOMPARE(page.request().y.modality, QStringLiteral("price"));
    x->setCurrentIndex(1);
    QCOMPARE(page.request().x.modality, QStringLiteral("price"));
    QCOMPARE(page.request().y.modality, QStringLiteral("text"));

    // One enabled modality: nothing to span, Compute is off and the page says why.
    config.pipeline.modality(QStringLiteral("price"))->enabled = false;
    page.setContext(m_demo, m_identity, config);
    QVERIFY(page.statusText().contains(QStringLiteral("two")));
    QVERIFY(page.view()->landscape().cells.empty());
}

void TestLandscapePage::closedFormLandscapeArrivesByItself()
{
    LandscapePage page;
    page.resize(1024, 700);
    QSignalSpy finished(&page, &LandscapePage::finished);
    QSignalSpy chosen(&page, &LandscapePage::weightsChosen);
    RunConfig config = demoConfig(*m_demo);
    config.training.l2 = 0.01;
    page.setContext(m_demo, m_identity, config);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    // No Compute: the closed form starts when the page is shown.
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, 120000);
    const Landscape &l = page.view()->landscape();
    QVERIFY2(l.closedForm, qPrintable(page.statusText()));
    QCOMPARE(l.request.x.modality, QStringLiteral("text"));
    QCOMPARE(l.request.y.modality, QStringLiteral("image"));
    QCOMPARE(l.request.x.steps, 101);
    QCOMPARE(l.request.y.steps, 101);
    QCOMPARE(l.filled, 101 * 101);
    QCOMPARE(page.progressText(), QStringLiteral("%1 / %1 cells").arg(QLocale().toString(101 * 101)));

    // Two cells against the closed-form optimum of a run prepared with their weights (the normal
    // equations of the fused problem, not the landscape's statistics).
    FusionPipeline pipeline(m_demo);
    for (const QPoint &at : {QPoint(37, 64), QPoint(90, 12)}) {
        const LandscapeCell &cell = l.at(at.x(), at.y());
        QCOMPARE(cell.x, 2.0 * at.x() / 100);
        QCOMPARE(cell.y, 2.0 * at.y() / 100);
        RunConfig weighted = config;
        weighted.pipeline.modality(QStringLiteral("text"))->weight = cell.x;
        weighted.pipeline.modality(QStringLiteral("image"))->weight = cell.y;
        Result<PreparedRun> prepared = prepareRun(pipeline, weighted);
        QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error()));
        const double expected = prepared->info.optimumValidationLoss;
        QVERIFY2(std::abs(cell.value - expected) <= 1e-7 * std::abs(expected),
                 qPrintable(QStringLiteral("%1 vs %2").arg(cell.value, 0, 'g', 17).arg(expected, 0, 'g', 17)));
    }
    // The engine gives the same grid for the page's request.
    {
        Result<Landscape> direct = closedFormLandscape(pipeline, page.request());
        QVERIFY(direct.ok());
        QCOMPARE(direct->at(37, 64).value, l.at(37, 64).value);
        QCOMPARE(direct->best(), l.best());
    }

    // A click on a cell asks for a run with its weights; everything else stays as configured.
    const QPoint target(25, 75);
    const QPoint centre = page.view()->cellRect(target.x(), target.y()).center().toPoint();
    QCOMPARE(page.view()->cellAt(centre), target);
    QTest::mouseClick(page.view(), Qt::LeftButton, {}, centre);
    QCOMPARE(chosen.count(), 1);
    const RunConfig asked = chosen.at(0).at(0).value<RunConfig>();
    QCOMPARE(weightOf(asked, QStringLiteral("text")), 0.5);
    QCOMPARE(weightOf(asked, QStringLiteral("image")), 1.5);
    QCOMPARE(weightOf(asked, QStringLiteral("price")), weightOf(config, QStringLiteral("price")));
    QCOMPARE(asked.training.l2, 0.01);

    // Moving an axis modality's weight in the window leaves the landscape alone; any other change
    // recomputes it.
    RunConfig moved = config;
    moved.pipeline.modality(QStringLiteral("text"))->weight = 1.7;
    page.setContext(m_demo, m_identity, moved);
    QVERIFY(!page.isComputing());
    RunConfig other = config;
    other.training.l2 = 0.5;
    page.setContext(m_demo, m_identity, other);
    const double before = l.at(37, 64).value;
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 2, 120000);
    QCOMPARE(page.view()->landscape().request.config.training.l2, 0.5);
    QVERIFY(page.view()->landscape().at(37, 64).value != before);

    if (!qEnvironmentVariableIsEmpty(kSnapshotVariable))
        fl::test::keepSnapshot(kSnapshotVariable, page.grab().toImage(), QStringLiteral("page"));
}

void TestLandscapePage::trainedGridFillsInAndCancels()
{
    LandscapePage page;
    page.resize(1024, 700);
    QSignalSpy finished(&page, &LandscapePage::finished);
    RunConfig config = demoConfig(*m_demo);
    config.model.kind = ModelKind::Hybrid;
    config.training.epochs = 2;
    config.training.learningRate = 0.01;
    config.training.optimizer = OptimizerKind::Adam;
    page.setContext(m_demo, m_identity, config);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    // Ranking grids wait for Compute.
    QTest::qWait(400);
    QCOMPARE(finished.count(), 0);
    QVERIFY(!page.isComputing());

    // A 2 × 2 grid: every cell a real run, its value the run's own summary metric.
    QSpinBox *xSteps = nullptr;
    QSpinBox *ySteps = nullptr;
    for (QSpinBox *spin : page.findChildren<QSpinBox *>()) {
        if (spin->accessibleName() == QLatin1String("Horizontal steps"))
            xSteps = spin;
        else if (spin->accessibleName() == QLatin1String("Vertical steps"))
            ySteps = spin;
    }
    QVERIFY(xSteps && ySteps);
    // Trained grids default to 5 × 5 cells.
    QCOMPARE(xSteps->value(), 5);
    QCOMPARE(ySteps->value(), 5);
    xSteps->setValue(2);
    ySteps->setValue(2);
    const LandscapeRequest request = page.request();
    QCOMPARE(request.metric, QStringLiteral("ndcg@10"));
    QCOMPARE(request.x.steps, 2);
    page.compute();
    QVERIFY(page.isComputing());
    QCOMPARE(page.view()->landscape().cells.size(), size_t(4));
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 300000);
    const Landscape &l = page.view()->landscape();
    QCOMPARE(l.filled, 4);
    QCOMPARE(page.progressText(), QStringLiteral("4 / 4 cells"));
    QVERIFY(l.higherIsBetter);
    for (const LandscapeCell &cell : l.cells) {
        QCOMPARE(cell.status, QStringLiteral("completed"));
        QVERIFY(std::isfinite(cell.value));
        QCOMPARE(cell.value, cell.record.summaryValues().value(QStringLiteral("ndcg@10")));
        QCOMPARE(weightOf(cell.record.config, QStringLiteral("text")), cell.x);
        QCOMPARE(weightOf(cell.record.config, QStringLiteral("image")), cell.y);
        QCOMPARE(cell.record.summary.epochs, 2);
    }

    // Cancel a larger grid after its first cell: it stops with fewer cells and says so.
    config.training.epochs = 30;
    page.setContext(m_demo, m_identity, config);
    xSteps->setValue(5);
    ySteps->setValue(5);
    page.compute();
    QTRY_VERIFY_WITH_TIMEOUT(page.view()->landscape().filled >= 1, 300000);
    page.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 2, 300000);
    QVERIFY(!page.isComputing());
    QVERIFY2(page.view()->landscape().filled < 25, qPrintable(page.statusText()));
    QVERIFY2(page.statusText().startsWith(QStringLiteral("Cancelled after")), qPrintable(page.statusText()));
    fl::test::keepSnapshot(kSnapshotVariable, page.grab().toImage(), QStringLiteral("cancelled"));

    // A new context mid-grid cancels it, and nothing the old job still sends reaches the page: the next
    // grid holds only its own 2-epoch cells, and finished() comes once, for it.
    page.compute();
    QTRY_VERIFY_WITH_TIMEOUT(page.view()->landscape().filled >= 1, 300000);
    config.training.epochs = 2;
    page.setContext(m_demo, m_identity, config);
    QVERIFY(!page.isComputing());
    xSteps->setValue(2);
    ySteps->setValue(2);
    page.compute();
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 3, 300000);
    QCOMPARE(page.view()->landscape().filled, 4);
    for (const LandscapeCell &cell : page.view()->landscape().cells)
        QCOMPARE(cell.record.summary.epochs, 2);
    QCOMPARE(page.progressText(), QStringLiteral("4 / 4 cells"));
}

QTEST_MAIN(TestLandscapePage)
#include "test_landscapepage.moc"
