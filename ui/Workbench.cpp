#include "Workbench.h"

#include "AblationChart.h"
#include "AblationPage.h"
#include "AppSettings.h"
#include "ExperimentController.h"
#include "LandscapePage.h"
#include "LandscapeView.h"
#include "ParameterHistory.h"
#include "ReportWriter.h"
#include "RunHistoryModel.h"
#include "RunsPage.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QWidget>

namespace fl {

namespace {

// The runs worth keeping: every run that trained at least one epoch, and runs that failed (their
// message says why). A run superseded before its first epoch (a slider moved twice) is not one.
bool worthKeeping(const RunRecord &record)
{
    return !record.epochs.empty() || record.status == QLatin1String("failed");
}

} // namespace

Workbench::Workbench(ExperimentController *controller, QWidget *window, const QString &autosaveFolder)
    : QObject(window)
    , m_controller(controller)
    , m_window(window)
    , m_history(new RunHistoryModel(this))
    , m_runsPage(new RunsPage(m_history))
    , m_landscapePage(new LandscapePage)
    , m_ablationPage(new AblationPage)
    , m_parameters(new ParameterHistory(this))
    , m_store(autosaveFolder.isEmpty() ? RunHistoryStore::defaultFolder() : autosaveFolder)
{
    if (const Result<void> opened = m_store.open(); opened)
        m_storeOpen = true;
    else
        qWarning("FusionLab: the run history will not be autosaved: %s", qPrintable(opened.error()));

    createActions();
    connect(controller->session(), &TrainingSession::runRecorded, this, &Workbench::onRunRecorded);
    connect(controller, &ExperimentController::datasetLoaded, this, &Workbench::onDatasetLoaded);
    connect(controller, &ExperimentController::configChanged, this, &Workbench::onConfigChanged);
    connect(m_history, &RunHistoryModel::recordsEdited, this, &Workbench::autosave);
    connect(m_parameters, &ParameterHistory::configRestored, this, [this](const RunConfig &config) {
        m_controller->applyConfig(config);
    });
    connect(m_runsPage, &RunsPage::parametersRequested, this, [this](const RunConfig &config) {
        m_controller->applyConfig(config);
        Q_EMIT message(tr("The run's parameters are in the docks; a new run starts from them."));
    });
    connect(m_landscapePage, &LandscapePage::weightsChosen, this, [this](const RunConfig &config) {
        m_controller->applyConfig(config, true);
    });
}

Workbench::~Workbench()
{
    if (m_storeOpen)
        m_store.closeCleanly();
}

void Workbench::createActions()
{
    m_undo = m_parameters->createUndoAction(this);
    m_redo = m_parameters->createRedoAction(this);

    m_save = new QAction(tr("&Save Experiment"), this);
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(tr("Save the parameters and every run, with their curves and results, as an experiment file"));
    connect(m_save, &QAction::triggered, this, [this] {
        if (m_experimentPath.isEmpty()) {
            showSaveDialog();
            return;
        }
        if (const Result<void> saved = saveExperiment(m_experimentPath); !saved)
            QMessageBox::warning(m_window, tr("Could not save the experiment"), saved.error());
    });
    m_saveAs = new QAction(tr("Save Experiment &As…"), this);
    m_saveAs->setShortcut(QKeySequence::SaveAs);
    connect(m_saveAs, &QAction::triggered, this, &Workbench::showSaveDialog);
    m_open = new QAction(tr("Open E&xperiment…"), this);
    m_open->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(m_open, &QAction::triggered, this, &Workbench::showOpenDialog);
    m_report = new QAction(tr("Export &Report…"), this);
    m_report->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_report->setToolTip(tr("The selected runs, the landscape and the ablation as an HTML page and a PDF"));
    connect(m_report, &QAction::triggered, this, &Workbench::showReportDialog);
    m_recentMenu = new QMenu(tr("Recent E&xperiments"));
    connect(this, &QObject::destroyed, m_recentMenu, &QObject::deleteLater);
    updateRecentMenu();
}

void Workbench::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = AppSettings::recentExperiments();
    for (const QString &path : recent) {
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] {
            if (const Result<void> opened = openExperiment(path); !opened)
                QMessageBox::warning(m_window, tr("Could not open the experiment"), opened.error());
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void Workbench::onRunRecorded(int, const RunRecord &record)
{
    if (!worthKeeping(record))
        return;
    m_history->addOrUpdate(record);   // recordsEdited → autosave
}

void Workbench::onDatasetLoaded()
{
    const RunConfig &config = m_controller->config();
    m_parameters->setCurrent(config);
    m_landscapePage->setContext(m_controller->dataset(), m_controller->datasetIdentity(), config);
    m_ablationPage->setContext(m_controller->dataset(), m_controller->datasetIdentity(), config);
    if (!m_pending)
        return;
    // An opened experiment's dataset has loaded: say whether it is the data it was saved with.
    const Experiment experiment = std::move(*m_pending);
    m_pending.reset();
    m_datasetChanges = describeDatasetChanges(experiment.dataset, m_controller->datasetIdentity());
    adopt(experiment);
}

void Workbench::onConfigChanged(const RunConfig &config)
{
    if (!m_controller->dataset())
        return;
    m_parameters->record(config);
    m_landscapePage->setContext(m_controller->dataset(), m_controller->datasetIdentity(), config);
    m_ablationPage->setContext(m_controller->dataset(), m_controller->datasetIdentity(), config);
}

Experiment Workbench::experiment() const
{
    Experiment e;
    e.dataset = m_controller->datasetIdentity();
    e.config = m_controller->config();
    e.runs = m_history->records();
    return e;
}

void Workbench::autosave()
{
    if (m_storeOpen)
        m_store.save(experiment());
}

Result<void> Workbench::saveExperiment(const QString &path)
{
    if (const Result<void> saved = fl::saveExperiment(path, experiment()); !saved)
        return saved;
    m_experimentPath = path;
    AppSettings::addRecentExperiment(path);
    updateRecentMenu();
    Q_EMIT message(tr("Saved %1 runs to %2").arg(m_history->records().size()).arg(QDir::toNativeSeparators(path)));
    return {};
}

Result<void> Workbench::openExperiment(const QString &path)
{
    Result<Experiment> loaded = loadExperiment(path);
    if (!loaded)
        return makeError(loaded.error());
    m_experimentPath = path;
    AppSettings::addRecentExperiment(path);
    updateRecentMenu();
    const DatasetIdentity &saved = loaded->dataset;
    const DatasetIdentity &current = m_controller->datasetIdentity();
    if (m_controller->dataset() && (saved.isEmpty() || saved.hash == current.hash || saved.path.isEmpty())) {
        m_datasetChanges.clear();
        adopt(*loaded);
        return {};
    }
    // Saved on other data: open that dataset first (its path as saved), then compare and adopt.
    const QString datasetPath = saved.path;
    const DatasetFormat format = parseDatasetFormat(saved.format).value_or(DatasetFormat::Auto);
    m_pending = std::move(*loaded);
    m_controller->openDataset(datasetPath, format);
    return {};
}

void Workbench::adopt(const Experiment &experiment)
{
    for (const RunRecord &run : experiment.runs)
        m_history->addOrUpdate(run);
    m_controller->applyConfig(experiment.config);
    m_parameters->setCurrent(m_controller->config());
    Q_EMIT message(tr("Opened an experiment with %n run(s)", nullptr, int(experiment.runs.size())));
    if (!m_datasetChanges.isEmpty())
        Q_EMIT datasetChanged(m_datasetChanges);
}

Result<QStringList> Workbench::exportReport(const QString &path)
{
    ReportContent content;
    content.dataset = m_controller->datasetIdentity();
    if (const auto dataset = m_controller->dataset()) {
        QStringList modalities;
        for (const ModalitySource &m : dataset->modalities)
            modalities << QStringLiteral("%1 (%2)").arg(m.name, modalityKindName(m.kind));
        content.datasetFacts << tr("Modalities: %1").arg(modalities.join(QStringLiteral(", ")));
    }
    QStringList ids = m_runsPage->selectedRunIds();
    for (const RunRecord &r : m_history->records()) {
        if (ids.isEmpty() || ids.contains(r.id))
            content.runs.push_back(r);
    }
    const Landscape &landscape = m_landscapePage->view()->landscape();
    if (landscape.filled > 0) {
        content.landscapeSvg = m_landscapePage->view()->toSvg(QSize(760, 600));
        content.landscapeCaption = tr("%1 over %2 × %3 weights of %4 and %5")
                                       .arg(landscape.request.metric)
                                       .arg(landscape.request.x.steps).arg(landscape.request.y.steps)
                                       .arg(landscape.request.x.modality, landscape.request.y.modality);
    }
    if (!m_ablationPage->ablation().runs.empty()) {
        content.ablation = m_ablationPage->ablation();
        content.ablationSvg = m_ablationPage->chart()->toSvg(QSize(760, 420));
    }
    const QFileInfo info(path);
    const QString suffix = info.suffix().toLower();
    const QString base = suffix == QLatin1String("html") || suffix == QLatin1String("pdf")
        ? info.dir().filePath(info.completeBaseName()) : path;
    QStringList written;
    if (suffix != QLatin1String("pdf")) {
        if (const Result<void> html = writeHtmlReport(base + QStringLiteral(".html"), content); !html)
            return makeError(html.error());
        written << base + QStringLiteral(".html");
    }
    if (suffix != QLatin1String("html")) {
        if (const Result<void> pdf = writePdfReport(base + QStringLiteral(".pdf"), content); !pdf)
            return makeError(pdf.error());
        written << base + QStringLiteral(".pdf");
    }
    Q_EMIT message(tr("Wrote %1").arg(written.join(QStringLiteral(", "))));
    return written;
}

void Workbench::offerRestore(const std::function<bool(int runs)> &ask)
{
    for (const RunHistoryStore::Orphan &orphan : m_store.orphans()) {
        const bool restore = ask ? ask(orphan.runs)
            : QMessageBox::question(m_window, tr("Restore the previous session?"),
                                    tr("FusionLab did not close properly on %1. Its %n run(s) were saved; restore them "
                                       "into the Runs page?", nullptr, orphan.runs)
                                        .arg(QLocale().toString(orphan.saved, QLocale::ShortFormat)))
                == QMessageBox::Yes;
        if (restore) {
            const Result<Experiment> history = m_store.load(orphan.path);
            if (!history) {
                Q_EMIT message(history.error());
                continue;
            }
            for (const RunRecord &run : history->runs)
                m_history->addOrUpdate(run);
            Q_EMIT message(tr("Restored %n run(s) from the previous session", nullptr, int(history->runs.size())));
        }
        m_store.discard(orphan.path);   // restored runs are in this session's history now
    }
}

void Workbench::showSaveDialog()
{
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Save Experiment"),
                                                      m_experimentPath.isEmpty() ? QStringLiteral("experiment.fusionlab.json") : m_experimentPath,
                                                      tr("FusionLab experiment (*.json)"));
    if (path.isEmpty())
        return;
    if (const Result<void> saved = saveExperiment(path); !saved)
        QMessageBox::warning(m_window, tr("Could not save the experiment"), saved.error());
}

void Workbench::showOpenDialog()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Experiment"), QString(),
                                                      tr("FusionLab experiment (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const Result<void> opened = openExperiment(path); !opened)
        QMessageBox::warning(m_window, tr("Could not open the experiment"), opened.error());
}

void Workbench::showReportDialog()
{
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Report"), QStringLiteral("fusionlab-report"),
                                                      tr("HTML page and PDF (*);;HTML page (*.html);;PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (const Result<QStringList> written = exportReport(path); !written)
        QMessageBox::warning(m_window, tr("Could not write the report"), written.error());
}

} // namespace fl
