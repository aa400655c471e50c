// Presenter mode and the window on small screens, offscreen on a 1024×768 screen (the offscreen
// platform's screen is configured before the application starts): presenter mode's layout fits (no
// widget outside the window or clipped by its parent, no dock below its minimum size, no dock that
// needs a horizontal scroll bar, the chart at least 500 px wide), also under QT_SCALE_FACTOR 1.25 and 2
// and a 120 dpi font (each in a child process of this test); the font, palette, slider handles and
// chart pens change and come back; the window opens within the available screen in either mode.

#include "engine/data/DatasetImport.h"
#include "ui/AppSettings.h"
#include "ui/ChartAxes.h"
#include "ui/DatasetBrowser.h"
#include "ui/DivergenceBanner.h"
#include "ui/ExperimentController.h"
#include "ui/FormulaPanel.h"
#include "ui/ImportDialog.h"
#include "ui/LegendStrip.h"
#include "ui/LossChartView.h"
#include "ui/MainWindow.h"
#include "ui/ModalitiesPanel.h"
#include "ui/Presenter.h"

#include <QAbstractScrollArea>
#include <QAction>
#include <QChart>
#include <QChartView>
#include <QAbstractAxis>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTest>
#include <QVBoxLayout>

#include <cstdlib>
#include <memory>

using namespace fl;

namespace {

constexpr char kSnapshotVariable[] = "FUSIONLAB_PRESENTER_PNG";

void keep(const QImage &image, const QString &name)
{
    QString path = qEnvironmentVariable(kSnapshotVariable);
    if (path.isEmpty())
        return;
    path.insert(path.lastIndexOf(QLatin1Char('.')), QLatin1Char('-') + name);
    image.save(path);
}

// Whether w lies inside a scroll area's viewport (scrolled content may extend past the window).
bool insideScrolledContent(const QWidget *w, const QWidget *window)
{
    for (const QWidget *p = w->parentWidget(); p && p != window; p = p->parentWidget()) {
        if (const auto *area = qobject_cast<const QAbstractScrollArea *>(p->parentWidget()); area && area->viewport() == p)
            return true;
    }
    return false;
}

// Widgets a user sees that do not fit: each a line of text naming it.
QStringList layoutProblems(MainWindow &window, int minimumChartWidth)
{
    QStringList problems;
    const QRect inside = window.rect();
    for (QWidget *w : window.findChildren<QWidget *>()) {
        if (!w->isVisibleTo(&window) || w->isWindow() || insideScrolledContent(w, &window))
            continue;
        const QRect r(w->mapTo(&window, QPoint(0, 0)), w->size());
        // Qt parks the docks of a tab group that are not the current tab (and spare tab bars) wholly
        // outside the window rather than hiding them.
        if (!inside.intersects(r) && w->visibleRegion().isEmpty())
            continue;
        const QString name = QStringLiteral("%1 '%2' at %3,%4 %5×%6")
                                 .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName())
                                 .arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
        if (!inside.contains(r))
            problems << QStringLiteral("outside the window: ") + name;
        else if (QWidget *parent = w->parentWidget(); parent && parent != &window && !parent->rect().contains(w->geometry()))
            problems << QStringLiteral("clipped by its parent: ") + name;
    }
    for (QDockWidget *dock : window.findChildren<QDockWidget *>()) {
        if (!dock->isVisibleTo(&window) || dock->visibleRegion().isEmpty())
            continue;   // a tab behind another
        const QSize minimum = dock->minimumSizeHint().expandedTo(dock->minimumSize());
        if (dock->width() < minimum.width() || dock->height() < minimum.height())
            problems << QStringLiteral("dock %1 is %2×%3, below its minimum %4×%5")
                            .arg(dock->objectName()).arg(dock->width()).arg(dock->height()).arg(minimum.width()).arg(minimum.height());
        if (auto *scroll = qobject_cast<QScrollArea *>(dock->widget()); scroll && scroll->horizontalScrollBar()->isVisible())
            problems << QStringLiteral("dock %1 needs a horizontal scroll bar").arg(dock->objectName());
    }
    if (window.chart()->width() < minimumChartWidth || window.chart()->height() < minimumChartWidth / 2)
        problems << QStringLiteral("the chart is %1×%2").arg(window.chart()->width()).arg(window.chart()->height());
    return problems;
}

} // namespace

class TestPresenter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void screenIsTheProjector();
    void presenterLayoutFits1024x768();
    void presenterLayoutFitsAtDisplayScale_data();
    void presenterLayoutFitsAtDisplayScale();
    void presenterChangesTheLookAndBack();
    void chartsFollowADarkPalette();
    void datasetChartsAndBannerFollowADarkPalette();
    void windowOpensWithinTheScreen();
    void presenterModeIsRemembered();
    void importDialogFitsTheScreen();

private:
    void openDemo();
    std::unique_ptr<MainWindow> m_window;
};

void TestPresenter::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    AppSettings::clear();
}

void TestPresenter::init()
{
    AppSettings::clear();
}

void TestPresenter::cleanup()
{
    if (m_window)
        m_window->setPresenterMode(false);
    m_window.reset();
    Presenter::setActive(false);
}

void TestPresenter::openDemo()
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy loaded(m_window->controller(), &ExperimentController::datasetLoaded);
    m_window->openDataset(QStringLiteral("demo"));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->formulaPanel()->text().contains(QStringLiteral("Closed form")), 20000);
}

void TestPresenter::screenIsTheProjector()
{
    if (QGuiApplication::platformName() != QLatin1String("offscreen"))
        QSKIP("the screen is configured for the offscreen platform only");
    // A font dpi above 96 is a display scale too (120 dpi: 125 %), which leaves fewer logical pixels.
    const double dpi = qEnvironmentVariableIsSet("QT_FONT_DPI") ? qEnvironmentVariable("QT_FONT_DPI").toDouble() : 96.0;
    QCOMPARE(QGuiApplication::primaryScreen()->availableGeometry().size(),
             QSize(int(1024 * 96 / dpi), int(768 * 96 / dpi)));
}

void TestPresenter::presenterLayoutFits1024x768()
{
    openDemo();
    m_window->presenterAction()->trigger();
    QVERIFY(m_window->presenterMode());
    QVERIFY(Presenter::isActive());
    // The larger type reaches the window's panels and menus.
    QCOMPARE(m_window->modalitiesPanel()->font().pointSizeF(), QApplication::font().pointSizeF());
    QCOMPARE(m_window->menuBar()->font().pointSizeF(), QApplication::font().pointSizeF());
    // The whole screen: 1024×768, or less at a display scale that leaves fewer logical pixels.
    const QSize screen = m_window->screen()->availableGeometry().size().boundedTo(QSize(1024, 768));
    m_window->setGeometry(QRect(QPoint(0, 0), screen));
    QTest::qWait(100);
    QCOMPARE(m_window->size(), screen);
    const int chartWidth = screen.width() >= 1024 ? 500 : screen.width() * 2 / 5;
    const QStringList problems = layoutProblems(*m_window, chartWidth);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    // The docks: the three control panels share the top of the left column, the formulas are under
    // them; both can be seen at once, beside the chart.
    auto *formulas = m_window->findChild<QDockWidget *>(QStringLiteral("formulaDock"));
    QVERIFY(formulas && !formulas->visibleRegion().isEmpty());
    QCOMPARE(m_window->dockWidgetArea(formulas), Qt::LeftDockWidgetArea);
    auto *fusion = m_window->findChild<QDockWidget *>(QStringLiteral("fusionDock"));
    QVERIFY(fusion && !fusion->visibleRegion().isEmpty());
    QVERIFY(fusion->geometry().bottom() < formulas->geometry().top());
    QVERIFY(formulas->height() >= screen.height() / 4);
    QCOMPARE(m_window->tabifiedDockWidgets(fusion).size(), 2);   // Training and Model
    // A teacher reaches α and β without scrolling: their sliders lie wholly inside the Fusion dock's
    // visible area.
    const QList<QSlider *> sliders = m_window->modalitiesPanel()->findChildren<QSlider *>();
    QVERIFY(sliders.size() >= 2);
    auto *fusionScroll = qobject_cast<QScrollArea *>(fusion->widget());
    QVERIFY(fusionScroll);
    for (int s = 0; s < 2; ++s) {
        const QRect onViewport(sliders[s]->mapTo(fusionScroll->viewport(), QPoint(0, 0)), sliders[s]->size());
        QVERIFY2(fusionScroll->viewport()->rect().contains(onViewport),
                 qPrintable(QStringLiteral("slider %1 at %2,%3 %4×%5, the Fusion dock shows %6×%7")
                                .arg(s).arg(onViewport.x()).arg(onViewport.y()).arg(onViewport.width())
                                .arg(onViewport.height()).arg(fusionScroll->viewport()->width())
                                .arg(fusionScroll->viewport()->height())));
    }
    // Every page of the centre fits too.
    for (int page = 0; page < m_window->pages()->count(); ++page) {
        m_window->pages()->setCurrentIndex(page);
        QTest::qWait(50);
        const QStringList pageProblems = layoutProblems(*m_window, page == MainWindow::TrainingPage ? chartWidth : 0);
        QVERIFY2(pageProblems.isEmpty(), qPrintable(QStringLiteral("page %1:\n").arg(page) + pageProblems.join(QLatin1Char('\n'))));
    }
    m_window->pages()->setCurrentIndex(MainWindow::TrainingPage);
    QTest::qWait(50);
    keep(m_window->grab().toImage(), QStringLiteral("presenter-%1x%2").arg(screen.width()).arg(screen.height()));
}

void TestPresenter::presenterLayoutFitsAtDisplayScale_data()
{
    QTest::addColumn<QByteArray>("variable");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("scale 1.25") << QByteArray("QT_SCALE_FACTOR") << QByteArray("1.25");
    QTest::newRow("scale 2") << QByteArray("QT_SCALE_FACTOR") << QByteArray("2");
    QTest::newRow("font dpi 120") << QByteArray("QT_FONT_DPI") << QByteArray("120");
}

// The 1024×768 case again in a child process of this test, under the display setting.
void TestPresenter::presenterLayoutFitsAtDisplayScale()
{
    QFETCH(QByteArray, variable);
    QFETCH(QByteArray, value);
    if (qEnvironmentVariableIsSet("FUSIONLAB_PRESENTER_CHILD"))
        QSKIP("already the child");
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FUSIONLAB_PRESENTER_CHILD"), QStringLiteral("1"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QString::fromLatin1(variable), QString::fromLatin1(value));
    env.remove(QString::fromLatin1(kSnapshotVariable));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("presenterLayoutFits1024x768"), QStringLiteral("screenIsTheProjector")});
    QVERIFY(child.waitForFinished(120000));
    const QString output = QString::fromLocal8Bit(child.readAll());
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("PASS   : TestPresenter::presenterLayoutFits1024x768")), qPrintable(output));
}

void TestPresenter::presenterChangesTheLookAndBack()
{
    const QFont font = QApplication::font();
    const QPalette palette = QApplication::palette();
    QCOMPARE(chartPenScale(), 1.0);
    const double normalPen = curvePen(Qt::blue, 2, false).widthF();
    const int sliderLength = QApplication::style()->pixelMetric(QStyle::PM_SliderLength);
    Presenter::setActive(true);
    QVERIFY(std::abs(QApplication::font().pointSizeF() - font.pointSizeF() * Presenter::fontScale) < 0.01);
    QCOMPARE(chartPenScale(), Presenter::penScale);
    QVERIFY(std::abs(curvePen(Qt::blue, 2, false).widthF() - normalPen * Presenter::penScale) < 1e-9);
    // High contrast: text against window at least 7:1 (WCAG AAA), here black on white or the reverse.
    const QPalette p = QApplication::palette();
    const QColor text = p.color(QPalette::WindowText);
    const QColor window = p.color(QPalette::Window);
    QVERIFY(std::abs(text.lightness() - window.lightness()) == 255);
    // Thicker slider handles, from the style; and the application font reaches an ordinary widget.
    QVERIFY(QApplication::style()->pixelMetric(QStyle::PM_SliderLength) >= sliderLength * 3 / 2);
    QLabel label(QStringLiteral("α"));
    QCOMPARE(label.font().pointSizeF(), QApplication::font().pointSizeF());
    Presenter::setActive(false);
    QCOMPARE(QApplication::font(), font);
    QCOMPARE(QApplication::palette().color(QPalette::Window), palette.color(QPalette::Window));
    QCOMPARE(chartPenScale(), 1.0);
    QCOMPARE(QApplication::style()->pixelMetric(QStyle::PM_SliderLength), sliderLength);
}

// A dark palette (the system's, or presenter mode on a dark system) reaches the charts: the loss chart
// is painted on the palette's base colour, not on white.
void TestPresenter::chartsFollowADarkPalette()
{
    const QPalette before = QApplication::palette();
    const QPalette dark = Presenter::highContrastPalette(true);
    QVERIFY(Presenter::isDark(dark));
    QVERIFY(!Presenter::isDark(Presenter::highContrastPalette(false)));
    LossChartView chart;
    chart.resize(600, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    auto background = [&chart] {
        const QImage image = chart.plotWidget()->grab().toImage();
        return image.pixelColor(image.width() / 2, 4);
    };
    QCOMPARE(background(), chartBackground(before));
    QApplication::setPalette(dark);
    QTest::qWait(50);
    QCOMPARE(background(), QColor(0, 0, 0));
    keep(chart.grab().toImage(), QStringLiteral("dark-chart"));
    QApplication::setPalette(before);
    QTest::qWait(50);
    QCOMPARE(background(), chartBackground(before));
}

// The Dataset page's charts and the divergence banner follow a dark palette too, and come back.
void TestPresenter::datasetChartsAndBannerFollowADarkPalette()
{
    const QPalette before = QApplication::palette();
    auto dataset = importDataset(QStringLiteral("demo"));
    QVERIFY(dataset);
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *browser = new DatasetBrowser(&window);
    auto *banner = new DivergenceBanner(&window);
    layout->addWidget(banner);
    layout->addWidget(browser);
    window.resize(900, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy ready(browser, &DatasetBrowser::summaryReady);
    browser->setDataset(std::make_shared<const Dataset>(std::move(*dataset)));
    QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1, 20000);
    banner->showDivergence(QStringLiteral("The loss diverged."));
    auto *ratingChart = browser->findChild<QChartView *>(QStringLiteral("ratingChart"));
    QVERIFY(ratingChart && ratingChart->chart());
    auto chartBackgroundNow = [&] { return ratingChart->chart()->backgroundBrush().color(); };
    auto bannerLightness = [&] { return banner->grab().toImage().pixelColor(banner->width() / 2, 5).lightness(); };
    QCOMPARE(chartBackgroundNow(), chartBackground(before));
    QVERIFY(bannerLightness() > 180);
    QApplication::setPalette(Presenter::highContrastPalette(true));
    QTest::qWait(50);
    ratingChart = browser->findChild<QChartView *>(QStringLiteral("ratingChart"));
    QCOMPARE(chartBackgroundNow(), QColor(0, 0, 0));
    QCOMPARE(ratingChart->chart()->axes().front()->labelsColor(), QColor(255, 255, 255));
    QVERIFY2(bannerLightness() < 80, qPrintable(QString::number(bannerLightness())));
    QApplication::setPalette(before);
    QTest::qWait(50);
    QCOMPARE(chartBackgroundNow(), chartBackground(before));
    QVERIFY(bannerLightness() > 180);
}

void TestPresenter::windowOpensWithinTheScreen()
{
    // A geometry saved on a larger screen (1600×1000 at 300,200) is brought back within this one.
    {
        QWidget big;
        big.setGeometry(300, 200, 1600, 1000);
        QMainWindow probe;
        probe.setGeometry(300, 200, 1600, 1000);
        AppSettings::setWindowGeometry(probe.saveGeometry());
    }
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTest::qWait(50);
    const QRect available = m_window->screen()->availableGeometry();
    QVERIFY2(available.contains(m_window->frameGeometry()),
             qPrintable(QStringLiteral("%1,%2 %3×%4").arg(m_window->frameGeometry().x()).arg(m_window->frameGeometry().y())
                            .arg(m_window->frameGeometry().width()).arg(m_window->frameGeometry().height())));
    m_window.reset();

    // No saved geometry: the default size is bounded by the screen as well.
    AppSettings::clear();
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTest::qWait(50);
    QVERIFY(available.contains(m_window->frameGeometry()));
    m_window->setPresenterMode(true);
    QTest::qWait(50);
    QVERIFY(available.contains(m_window->frameGeometry()));
}

void TestPresenter::presenterModeIsRemembered()
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto *formulas = m_window->findChild<QDockWidget *>(QStringLiteral("formulaDock"));
    QCOMPARE(m_window->dockWidgetArea(formulas), Qt::RightDockWidgetArea);
    m_window->setPresenterMode(true);
    QCOMPARE(m_window->dockWidgetArea(formulas), Qt::LeftDockWidgetArea);
    m_window->close();
    m_window.reset();
    QVERIFY(AppSettings::presenterMode());

    m_window = std::make_unique<MainWindow>();
    QVERIFY(m_window->presenterMode());
    QVERIFY(Presenter::isActive());
    formulas = m_window->findChild<QDockWidget *>(QStringLiteral("formulaDock"));
    QCOMPARE(m_window->dockWidgetArea(formulas), Qt::LeftDockWidgetArea);
    // Leaving it brings the normal layout back.
    m_window->presenterAction()->trigger();
    QVERIFY(!m_window->presenterMode());
    QVERIFY(!Presenter::isActive());
    QCOMPARE(m_window->dockWidgetArea(formulas), Qt::RightDockWidgetArea);
    QVERIFY(!AppSettings::presenterMode());
}

void TestPresenter::importDialogFitsTheScreen()
{
    ImportDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QRect available = dialog.screen()->availableGeometry();
    QVERIFY(dialog.width() <= available.width());
    QVERIFY(dialog.minimumSizeHint().width() <= available.width());
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QPushButton *cancel = buttons->button(QDialogButtonBox::Cancel);
    QVERIFY(cancel && cancel->isVisible());
    const QRect r(cancel->mapTo(&dialog, QPoint(0, 0)), cancel->size());
    QVERIFY2(dialog.rect().contains(r), qPrintable(QStringLiteral("Cancel at x %1–%2 of %3").arg(r.left()).arg(r.right()).arg(dialog.width())));
}

// The offscreen platform's screen is a 1024×768 projector (in device-independent pixels: under
// QT_SCALE_FACTOR its physical size is that much larger), written to a configuration file before the
// application and its platform start.
int main(int argc, char *argv[])
{
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    const bool offscreen = platform.isEmpty() || platform == "offscreen";
    const QString path = QDir::temp().filePath(QStringLiteral("fusionlab-presenter-screen-%1.json").arg(QCoreApplication::applicationPid()));
    if (offscreen) {
        bool ok = false;
        double scale = qEnvironmentVariable("QT_SCALE_FACTOR").toDouble(&ok);
        if (!ok || scale <= 0)
            scale = 1;
        QFile file(path);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(QStringLiteral(R"({"screens": [{"name": "projector", "x": 0, "y": 0, "width": %1, "height": %2,
                                       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})")
                           .arg(qRound(1024 * scale)).arg(qRound(768 * scale)).toUtf8());
            file.close();
            qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + QFile::encodeName(path));
        }
    }
    int result = 0;
    {
        QApplication app(argc, argv);
        TestPresenter test;
        QTEST_SET_MAIN_SOURCE_PATH
        result = QTest::qExec(&test, argc, argv);
    }
    if (offscreen)
        QFile::remove(path);
    return result;
}

#include "test_presenter.moc"
