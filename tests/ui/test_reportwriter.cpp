// File ▸ Export Report: the HTML holds every run's label, the parameters common to all runs once and
// the differing ones per run, the summary metrics as formatted (a missing or NaN value as "—", never
// 0), one inline SVG per chart and no external reference; the ablation's table from Ablation::rows();
// the loss chart's colours and line styles; the PDF's header and page count (the landscape and the
// ablation each on a page of their own); failed writes name the path and leave nothing behind and an
// existing file as it was.

#include "engine/training/Ablation.h"
#include "engine/training/RunRecord.h"
#include "ui/ReportWriter.h"
#include "tests/ui/WorkbenchTestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>

#include <cmath>
#include <limits>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/resource.h>
#endif

using namespace fl;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

const QByteArray kSmallSvg =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"200\" viewBox=\"0 0 300 200\">\n"
    "<defs><linearGradient id=\"shade\"><stop offset=\"0\" stop-color=\"#fff\"/>"
    "<stop offset=\"1\" stop-color=\"#0072b2\"/></linearGradient></defs>\n"
    "<rect x=\"10\" y=\"10\" width=\"280\" height=\"180\" fill=\"url(#shade)\"/>\n"
    "<text x=\"150\" y=\"100\" text-anchor=\"middle\" font-size=\"16\">α–β 景观</text>\n"
    "</svg>\n";

RunConfig twoModalities(double alpha)
{
    RunConfig config = test::textImageConfig();
    config.pipeline.modalities[0].weight = alpha;
    config.training.learningRate = 0.01;
    config.training.epochs = 20;
    return config;
}

RunRecord linearRun(double alpha, double trainLoss, double validationLoss, double floor, double rmse, double mae)
{
    RunRecord run;
    run.id = newRunId();
    run.config = twoModalities(alpha);
    run.status = QStringLiteral("completed");
    run.started = QDateTime(QDate(2026, 3, 1), QTime(9, 30), Qt::UTC);
    run.seconds = 1.5;
    for (int e = 1; e <= 20; ++e)
        run.epochs.push_back(EpochRecord{e, 2.0 / e + trainLoss, 2.2 / e + validationLoss, 0.01});
    run.summary.epochs = 20;
    run.summary.trainLoss = trainLoss;
    run.summary.validationLoss = validationLoss;
    run.summary.rmse = rmse;
    run.summary.mae = mae;
    run.info.optimumTrainLoss = floor;
    run.info.optimumValidationLoss = 0.88;
    return run;
}

RunRecord rankingRun()
{
    RunRecord run;
    run.id = newRunId();
    run.name = QStringLiteral("MF 基线 (BPR)");
    run.config = twoModalities(0.5);
    run.config.model.kind = ModelKind::Mf;
    run.config.model.loss = LossKind::Bpr;
    run.status = QStringLiteral("early stop");
    run.seconds = 75;
    for (int e = 1; e <= 12; ++e)
        run.epochs.push_back(EpochRecord{e, 0.69 / e + 0.25, 0.7 / e + 0.31, 0.01});
    run.summary.epochs = 12;
    run.summary.trainLoss = 0.25;
    run.summary.validationLoss = 0.31;
    run.summary.rmse = kNaN;
    run.summary.mae = kNaN;
    run.summary.metrics.insert(QStringLiteral("ndcg@10"), 0.123456);
    run.summary.metrics.insert(QStringLiteral("recall@20"), 0.2);
    run.info.optimumTrainLoss = kNaN;
    run.info.optimumValidationLoss = kNaN;
    return run;
}

DatasetIdentity dataset()
{
    DatasetIdentity d;
    d.name = QStringLiteral("豆瓣读书 sample");
    d.path = QStringLiteral("/data/douban");
    d.format = QStringLiteral("manifest");
    d.users = 1234;
    d.items = 567;
    d.interactions = 89012;
    d.hash = QStringLiteral("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    d.modalityHashes.insert(QStringLiteral("text"), QStringLiteral("aa"));
    d.modalityHashes.insert(QStringLiteral("image"), QStringLiteral("bb"));
    return d;
}

Ablation ablation()
{
    Ablation a;
    a.metric = QStringLiteral("val_loss");
    a.subsets = ablationSubsets({QStringLiteral("text"), QStringLiteral("image")});
    // text alone: 0.9, 1.1; image alone: 1.2, 1.4; all: 0.5, 0.7.
    const std::vector<std::pair<int, double>> values{{0, 0.9}, {0, 1.1}, {1, 1.2}, {1, 1.4}, {2, 0.5}, {2, 0.7}};
    std::uint64_t seed = 1;
    for (const auto &[subset, value] : values)
        a.runs.push_back(AblationRun{subset, seed++, value, RunRecord{}});
    a.planned = 6;
    return a;
}

ReportContent content(bool extras)
{
    ReportContent c;
    c.title = QStringLiteral("融合实验 α sweep");
    c.created = QDateTime(QDate(2026, 3, 2), QTime(14, 5));
    c.dataset = dataset();
    c.datasetFacts << QStringLiteral("Ratings 1–5, mean 3.6");
    c.runs.push_back(linearRun(0.5, 0.8123456, 0.9, 0.75, 0.95, 0.7));
    c.runs.push_back(linearRun(1.2, 0.70001, 1234.5678, 0.69, 1.05, 0.000012346));
    c.runs.push_back(rankingRun());
    if (extras) {
        c.landscapeSvg = kSmallSvg;
        c.landscapeCaption = QStringLiteral("Validation loss over α and β.");
        c.ablation = ablation();
        c.ablationSvg = kSmallSvg;
    }
    return c;
}

using Table = QList<QStringList>;

// The tables between the heading `from` and the next heading, as rows of cell texts (header row first).
QList<Table> tablesAfter(const QString &html, const QString &from)
{
    QList<Table> tables;
    const qsizetype start = html.indexOf(from);
    if (start < 0)
        return tables;
    qsizetype end = html.indexOf(QRegularExpression(QStringLiteral("<h[23][ >]")), start + from.size());
    if (end < 0)
        end = html.size();
    const QString section = html.mid(start, end - start);
    static const QRegularExpression tableRe(QStringLiteral("<table.*?</table>"),
                                            QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression rowRe(QStringLiteral("<tr>(.*?)</tr>"), QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression cellRe(QStringLiteral("<t[hd][^>]*>(.*?)</t[hd]>"),
                                           QRegularExpression::DotMatchesEverythingOption);
    for (auto t = tableRe.globalMatch(section); t.hasNext();) {
        Table table;
        const QString tableHtml = t.next().captured(0);
        for (auto r = rowRe.globalMatch(tableHtml); r.hasNext();) {
            QStringList cells;
            const QString rowHtml = r.next().captured(1);
            for (auto c = cellRe.globalMatch(rowHtml); c.hasNext();)
                cells << QTextDocumentFragment::fromHtml(c.next().captured(1)).toPlainText().trimmed();
            table << cells;
        }
        tables << table;
    }
    return tables;
}

// The cell of run number `run` ("1", "2" …) under `column` in any of the tables.
QString cell(const QList<Table> &tables, const QString &run, const QString &column)
{
    for (const Table &table : tables) {
        const qsizetype c = table.value(0).indexOf(column);
        if (c < 0)
            continue;
        for (qsizetype r = 1; r < table.size(); ++r) {
            if (table[r].value(0) == run)
                return table[r].value(c);
        }
    }
    return QStringLiteral("(no cell)");
}

// A fact sheet's (name, value) pairs, from however many pairs of columns it has.
QMap<QString, QString> facts(const Table &table)
{
    QMap<QString, QString> map;
    for (const QStringList &row : table) {
        for (qsizetype c = 0; c + 1 < row.size(); c += 2) {
            if (!row[c].isEmpty())
                map.insert(row[c], row[c + 1]);
        }
    }
    return map;
}

// The texts of an SVG, joined (QSvgGenerator writes one <text> per run of one font).
QString svgText(const QByteArray &svg)
{
    static const QRegularExpression textRe(QStringLiteral("<text[^>]*>(.*?)</text>"),
                                           QRegularExpression::DotMatchesEverythingOption);
    QString text;
    for (auto it = textRe.globalMatch(QString::fromUtf8(svg)); it.hasNext();)
        text += it.next().captured(1) + QLatin1Char('\n');
    return text.replace(QStringLiteral("\n"), QString()).replace(QStringLiteral("&amp;"), QStringLiteral("&"));
}

int pdfPages(const QByteArray &pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![s])"));
    int count = 0;
    for (auto it = page.globalMatch(QString::fromLatin1(pdf)); it.hasNext(); it.next())
        ++count;
    return count;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class ReportWriterTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void formatsValues()
    {
        QCOMPARE(formatReportValue(0.8123456), QStringLiteral("0.8123"));
        QCOMPARE(formatReportValue(0.70001), QStringLiteral("0.7000"));
        QCOMPARE(formatReportValue(1234.5678), QStringLiteral("1235"));
        QCOMPARE(formatReportValue(12.345), QStringLiteral("12.35"));
        QCOMPARE(formatReportValue(9.99996), QStringLiteral("10.00"));
        QCOMPARE(formatReportValue(0.000012346), QStringLiteral("1.235e-05"));
        QCOMPARE(formatReportValue(2.5e7), QStringLiteral("2.500e+07"));
        QCOMPARE(formatReportValue(-0.25), QStringLiteral("−0.2500"));
        QCOMPARE(formatReportValue(0), QStringLiteral("0"));
        QCOMPARE(formatReportValue(kNaN), QStringLiteral("—"));
        QCOMPARE(formatReportValue(std::numeric_limits<double>::infinity()), QStringLiteral("∞"));
    }

    void htmlHoldsRunsParametersAndMetrics()
    {
        const ReportContent c = content(false);
        const QString html = QString::fromUtf8(htmlReport(c));
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.contains(QStringLiteral("<meta charset=\"utf-8\">")));
        QVERIFY(html.contains(QStringLiteral("<title>融合实验 α sweep</title>")));
        QVERIFY(html.contains(QStringLiteral("<h1>融合实验 α sweep</h1>")));

        // The dataset's facts.
        const QList<Table> data = tablesAfter(html, QStringLiteral("<h2>Dataset</h2>"));
        QCOMPARE(data.size(), 1);
        const QMap<QString, QString> sheet = facts(data[0]);
        QCOMPARE(sheet.value(QStringLiteral("Name")), QStringLiteral("豆瓣读书 sample"));
        QCOMPARE(sheet.value(QStringLiteral("Path")), QDir::toNativeSeparators(QStringLiteral("/data/douban")));
        QCOMPARE(sheet.value(QStringLiteral("Users")), QLocale().toString(1234));
        QCOMPARE(sheet.value(QStringLiteral("Interactions")), QLocale().toString(89012));
        QCOMPARE(sheet.value(QStringLiteral("Modalities")), QStringLiteral("text, image"));
        QCOMPARE(sheet.value(QStringLiteral("Content hash")), c.dataset.hash);
        QVERIFY(html.contains(QStringLiteral("<li>Ratings 1–5, mean 3.6</li>")));

        // Every run's label, numbered.
        const QList<Table> runs = tablesAfter(html, QStringLiteral("<h2>Runs</h2>"));
        QCOMPARE(cell(runs, QStringLiteral("1"), QStringLiteral("Run")), QStringLiteral("linear · α = 0.5, β = 0.5"));
        QCOMPARE(cell(runs, QStringLiteral("2"), QStringLiteral("Run")), QStringLiteral("linear · α = 1.2, β = 0.5"));
        QCOMPARE(cell(runs, QStringLiteral("3"), QStringLiteral("Run")), QStringLiteral("MF 基线 (BPR)"));
        QCOMPARE(cell(runs, QStringLiteral("3"), QStringLiteral("Status")), QStringLiteral("early stop"));
        QCOMPARE(cell(runs, QStringLiteral("3"), QStringLiteral("Training time")), QStringLiteral("1 min 15 s"));
        QCOMPARE(cell(runs, QStringLiteral("1"), QStringLiteral("Epochs")), QStringLiteral("20"));

        // Common parameters once (two columns), the differing ones per run.
        const QList<Table> parameters = tablesAfter(html, QStringLiteral("<h3>Parameters</h3>"));
        QVERIFY(parameters.size() >= 2);
        const QMap<QString, QString> common = facts(parameters[0]);
        QCOMPARE(common.value(QStringLiteral("η")), QStringLiteral("0.01"));
        QCOMPARE(common.value(QStringLiteral("fusion")), QStringLiteral("sum"));
        QCOMPARE(common.value(QStringLiteral("β (image)")), QStringLiteral("0.5"));
        QCOMPARE(common.value(QStringLiteral("epochs")), QStringLiteral("20"));
        QVERIFY(!common.contains(QStringLiteral("α (text)")));
        QVERIFY(!common.contains(QStringLiteral("model")));
        QCOMPARE(cell(parameters, QStringLiteral("1"), QStringLiteral("α (text)")), QStringLiteral("0.5"));
        QCOMPARE(cell(parameters, QStringLiteral("2"), QStringLiteral("α (text)")), QStringLiteral("1.2"));
        QCOMPARE(cell(parameters, QStringLiteral("3"), QStringLiteral("model")), QStringLiteral("mf"));
        QCOMPARE(cell(parameters, QStringLiteral("1"), QStringLiteral("model")), QStringLiteral("linear"));
        QCOMPARE(cell(parameters, QStringLiteral("3"), QStringLiteral("loss")), QStringLiteral("bpr"));

        // Metrics as formatted; a value a run does not have, or has as NaN, is "—".
        const QList<Table> results = tablesAfter(html, QStringLiteral("<h3>Results</h3>"));
        QCOMPARE(results.size(), 2);   // eight metric columns: seven, then one
        QCOMPARE(results[0].value(0), (QStringList{QStringLiteral("#"), QStringLiteral("train loss"),
                                                   QStringLiteral("validation loss"), QStringLiteral("train floor"),
                                                   QStringLiteral("validation floor"), QStringLiteral("RMSE"),
                                                   QStringLiteral("MAE"), QStringLiteral("ndcg@10")}));
        QCOMPARE(results[0].value(1), (QStringList{QStringLiteral("1"),
                                                   QStringLiteral("0.8123"), QStringLiteral("0.9000"),
                                                   QStringLiteral("0.7500"), QStringLiteral("0.8800"),
                                                   QStringLiteral("0.9500"), QStringLiteral("0.7000"),
                                                   QStringLiteral("—")}));
        QCOMPARE(cell(results, QStringLiteral("2"), QStringLiteral("train loss")), QStringLiteral("0.7000"));
        QCOMPARE(cell(results, QStringLiteral("2"), QStringLiteral("validation loss")), QStringLiteral("1235"));
        QCOMPARE(cell(results, QStringLiteral("2"), QStringLiteral("MAE")), QStringLiteral("1.235e-05"));
        QCOMPARE(cell(results, QStringLiteral("3"), QStringLiteral("RMSE")), QStringLiteral("—"));
        QCOMPARE(cell(results, QStringLiteral("3"), QStringLiteral("train floor")), QStringLiteral("—"));
        QCOMPARE(cell(results, QStringLiteral("3"), QStringLiteral("ndcg@10")), QStringLiteral("0.1235"));
        QCOMPARE(cell(results, QStringLiteral("3"), QStringLiteral("recall@20")), QStringLiteral("0.2000"));
        QCOMPARE(cell(results, QStringLiteral("1"), QStringLiteral("recall@20")), QStringLiteral("—"));

        // One inline chart, no landscape or ablation sections.
        QCOMPARE(html.count(QStringLiteral("<svg")), 1);
        QVERIFY(!html.contains(QStringLiteral("landscape")));
        QVERIFY(!html.contains(QStringLiteral("Modality ablation")));
    }

    void twoRunsDifferOnlyInAlpha()
    {
        ReportContent c = content(false);
        c.runs.pop_back();
        const QString html = QString::fromUtf8(htmlReport(c));
        const QList<Table> parameters = tablesAfter(html, QStringLiteral("<h3>Parameters</h3>"));
        QCOMPARE(parameters.size(), 2);
        QCOMPARE(parameters[1], (Table{{QStringLiteral("#"), QStringLiteral("α (text)")},
                                       {QStringLiteral("1"), QStringLiteral("0.5")},
                                       {QStringLiteral("2"), QStringLiteral("1.2")}}));
        // The ranking-only columns are gone with the ranking run.
        const QList<Table> results = tablesAfter(html, QStringLiteral("<h3>Results</h3>"));
        QCOMPARE(results.size(), 1);
        QVERIFY(!results[0].value(0).contains(QStringLiteral("ndcg@10")));
    }

    void htmlIsSelfContained()
    {
        const QString html = QString::fromUtf8(htmlReport(content(true)));
        QCOMPARE(html.count(QStringLiteral("<svg")), 3);   // loss curves, landscape, ablation
        QCOMPARE(html.count(QStringLiteral("</svg>")), 3);
        QVERIFY(!html.contains(QStringLiteral("<?xml")));
        QVERIFY(!html.contains(QStringLiteral("src=")));
        QVERIFY(!html.contains(QStringLiteral("<link")));
        QVERIFY(!html.contains(QStringLiteral("@import")));
        QString withoutNamespaces = html;
        withoutNamespaces.remove(QRegularExpression(QStringLiteral("xmlns(:\\w+)?=\"http://www\\.w3\\.org/[^\"]*\"")));
        QVERIFY(!withoutNamespaces.contains(QStringLiteral("http")));
        QVERIFY(!withoutNamespaces.contains(QStringLiteral("file:")));
        // The two copies of the small SVG keep their gradients apart.
        QVERIFY(html.contains(QStringLiteral("id=\"fig2-shade\"")));
        QVERIFY(html.contains(QStringLiteral("url(#fig3-shade)")));
        QVERIFY(!html.contains(QStringLiteral("url(#shade)")));
        QVERIFY(html.contains(QStringLiteral("α–β 景观")));
        QVERIFY(html.contains(QStringLiteral("<figcaption>Validation loss over α and β.</figcaption>")));

        // The ablation's table: Ablation::rows() as formatted, Δ signed.
        const QList<Table> ablationTables = tablesAfter(html, QStringLiteral("Modality ablation</h2>"));
        QCOMPARE(ablationTables.size(), 1);
        QCOMPARE(ablationTables[0],
                 (Table{{QStringLiteral("Modalities"), QStringLiteral("Mean"), QStringLiteral("Min"), QStringLiteral("Max"),
                         QStringLiteral("Δ to all"), QStringLiteral("Runs")},
                        {QStringLiteral("text alone"), QStringLiteral("1.000"), QStringLiteral("0.9000"),
                         QStringLiteral("1.100"), QStringLiteral("+0.4000"), QStringLiteral("2")},
                        {QStringLiteral("image alone"), QStringLiteral("1.300"), QStringLiteral("1.200"),
                         QStringLiteral("1.400"), QStringLiteral("+0.7000"), QStringLiteral("2")},
                        {QStringLiteral("all"), QStringLiteral("0.6000"), QStringLiteral("0.5000"),
                         QStringLiteral("0.7000"), QStringLiteral("0"), QStringLiteral("2")}}));
    }

    void lossChartDrawsEveryRun()
    {
        const ReportContent c = content(false);
        const QByteArray svg = renderRunCurvesSvg(c.runs, QSize(640, 400));
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QCOMPARE(renderer.viewBoxF(), QRectF(0, 0, 640, 400));
        const QString text = QString::fromUtf8(svg);
        const QString labels = svgText(svg);
        // One colour per run (Okabe–Ito blue, vermillion, bluish green), solid and dashed.
        for (const char *color : {"#0072b2", "#d55e00", "#009e73"})
            QVERIFY2(text.contains(QStringLiteral("stroke=\"%1\"").arg(QLatin1String(color))), color);
        QVERIFY(text.contains(QStringLiteral("stroke-dasharray")));
        QVERIFY2(labels.contains(QStringLiteral("1 · linear · α = 0.5, β = 0.5")), qPrintable(labels));
        // Each label is one <text> element, whatever scripts it mixes, so that a browser lays it out whole.
        QVERIFY(text.contains(QStringLiteral(">3 · MF 基线 (BPR)</text>")));
        QVERIFY(text.contains(QStringLiteral(">1 · linear · α = 0.5, β = 0.5</text>")));
        QVERIFY(labels.contains(QStringLiteral("2 · linear · α = 1.2, β = 0.5")));
        QVERIFY(labels.contains(QStringLiteral("3 · MF 基线 (BPR)")));
        QVERIFY(labels.contains(QStringLiteral("epoch")));
        // Run 2's validation loss reaches 1235 + 2.2 from run 3's 0.31: more than two decades, a log axis
        // from 0.1 to 10000 with a label at each power of ten.
        QVERIFY(labels.contains(QStringLiteral("loss (log scale)")));
        QVERIFY(labels.contains(QStringLiteral("0.1") + QStringLiteral("1") + QStringLiteral("10") + QStringLiteral("100")
                                + QStringLiteral("1000") + QStringLiteral("10000")));

        // Run 1 alone spans less than a decade: a linear axis from 0.
        const QString linear = svgText(renderRunCurvesSvg({c.runs[0]}, QSize(640, 400)));
        QVERIFY(linear.contains(QStringLiteral("loss")));
        QVERIFY(!linear.contains(QStringLiteral("log scale")));
    }

    void pdfHasExpectedPages()
    {
        // With FUSIONLAB_REPORT_DIR=/some/folder set, the reports are kept there for a person to look at.
        const QString keep = qEnvironmentVariable("FUSIONLAB_REPORT_DIR");
        if (!keep.isEmpty()) {
            QVERIFY(QDir().mkpath(keep));
            QVERIFY(writePdfReport(keep + QStringLiteral("/report.pdf"), content(true)).ok());
            QVERIFY(writeHtmlReport(keep + QStringLiteral("/report.html"), content(true)).ok());
        }
        QTemporaryDir dir;
        const QString plain = dir.filePath(QStringLiteral("plain.pdf"));
        const QString full = dir.filePath(QStringLiteral("full.pdf"));
        Result<void> written = writePdfReport(plain, content(false));
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error()));
        written = writePdfReport(full, content(true));
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error()));

        const QByteArray plainPdf = readAll(plain);
        const QByteArray fullPdf = readAll(full);
        QVERIFY(plainPdf.startsWith("%PDF-"));
        QVERIFY(fullPdf.startsWith("%PDF-"));
        QVERIFY(plainPdf.size() > 20000);
        // Dataset, runs and parameters on page 1, results and the loss chart on page 2 (the chart does
        // not fit under the tables); the landscape and the ablation each start a page of their own.
        QCOMPARE(pdfPages(plainPdf), 2);
        QCOMPARE(pdfPages(fullPdf), 4);
        QVERIFY(fullPdf.size() > plainPdf.size());

    }

    void emptyReportIsStillAReport()
    {
        QTemporaryDir dir;
        const ReportContent empty;
        const QString html = QString::fromUtf8(htmlReport(empty));
        QVERIFY(html.contains(QStringLiteral("<h1>FusionLab report</h1>")));
        QVERIFY(html.contains(QStringLiteral("No runs were selected.")));
        QVERIFY(html.contains(QStringLiteral("No dataset was recorded with these runs.")));
        QCOMPARE(html.count(QStringLiteral("<svg")), 0);
        const QString path = dir.filePath(QStringLiteral("empty.pdf"));
        QVERIFY(writePdfReport(path, empty).ok());
        QCOMPARE(pdfPages(readAll(path)), 1);
    }

    void failedWriteNamesPathAndLeavesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing/report.html"));
        const Result<void> html = writeHtmlReport(path, content(false));
        QVERIFY(!html.ok());
        QVERIFY2(html.error().contains(QDir::toNativeSeparators(path)), qPrintable(html.error()));
        const Result<void> pdf = writePdfReport(dir.filePath(QStringLiteral("missing/report.pdf")), content(false));
        QVERIFY(!pdf.ok());
        QVERIFY2(pdf.error().contains(QStringLiteral("report.pdf")), qPrintable(pdf.error()));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("missing"))));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());

        // A parent that is a regular file.
        const QString file = dir.filePath(QStringLiteral("plain-file"));
        QVERIFY(QFile(file).open(QIODevice::WriteOnly));
        const Result<void> under = writeHtmlReport(file + QStringLiteral("/report.html"), content(false));
        QVERIFY(!under.ok());
        QVERIFY(under.error().contains(QStringLiteral("plain-file")));
    }

    void failedWriteKeepsExistingFile()
    {
#ifdef Q_OS_UNIX
        // A file-size limit makes the write fail half-way for any user, root included (permissions
        // would not stop root).
        QTemporaryDir dir;
        const QString html = dir.filePath(QStringLiteral("report.html"));
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        const QByteArray previous("the previous report\n");
        for (const QString &path : {html, pdf}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QCOMPARE(file.write(previous), previous.size());
        }
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit saved{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
        rlimit small = saved;
        small.rlim_cur = 4096;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        const Result<void> htmlResult = writeHtmlReport(html, content(true));
        const Result<void> pdfResult = writePdfReport(pdf, content(true));
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &saved), 0);
        std::signal(SIGXFSZ, SIG_DFL);

        QVERIFY(!htmlResult.ok());
        QVERIFY2(htmlResult.error().contains(QDir::toNativeSeparators(html)), qPrintable(htmlResult.error()));
        QVERIFY(!pdfResult.ok());
        QVERIFY2(pdfResult.error().contains(QDir::toNativeSeparators(pdf)), qPrintable(pdfResult.error()));
        QCOMPARE(readAll(html), previous);
        QCOMPARE(readAll(pdf), previous);
        // No temporary files left beside them.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files, QDir::Name),
                 (QStringList{QStringLiteral("report.html"), QStringLiteral("report.pdf")}));

        // Without the limit the same writes succeed and replace the files.
        QVERIFY(writeHtmlReport(html, content(true)).ok());
        QVERIFY(readAll(html).startsWith("<!DOCTYPE html>"));
#else
        QSKIP("needs a file-size limit (POSIX)");
#endif
    }
};

QTEST_MAIN(ReportWriterTest)
#include "test_reportwriter.moc"
