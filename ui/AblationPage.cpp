#include "AblationPage.h"

#include "AblationChart.h"
#include "ContributionBar.h"
#include "LandscapeView.h"
#include "MetricChoices.h"

#include "engine/training/Landscape.h"
#include "engine/training/RunRecord.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

#include <cmath>

namespace fl {

namespace {

enum Column { SubsetColumn, MeanColumn, MinColumn, MaxColumn, DeltaColumn, RunsColumn, ColumnCount };

} // namespace

AblationPage::AblationPage(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);

    auto *controls = new QHBoxLayout;
    m_seeds = new QSpinBox(this);
    m_seeds->setRange(1, 100);
    m_seeds->setValue(3);
    m_seeds->setAccessibleName(tr("Seeds"));
    m_metric = new QComboBox(this);
    m_metric->setAccessibleName(tr("Metric"));
    m_metric->setMinimumContentsLength(14);
    m_run = new QPushButton(tr("Run"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(240);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progressLabel = new QLabel(this);
    m_progressLabel->setMinimumWidth(110);
    controls->addWidget(new QLabel(tr("Each subset of modalities over"), this));
    controls->addWidget(m_seeds);
    controls->addWidget(new QLabel(tr("seeds, judged by"), this));
    controls->addWidget(m_metric);
    controls->addSpacing(12);
    controls->addWidget(m_run);
    controls->addWidget(m_cancel);
    controls->addWidget(m_progress);
    controls->addWidget(m_progressLabel);
    controls->addStretch(1);
    layout->addLayout(controls);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    // The table beside the chart: each gets the page's full height, the chart the rest of its width.
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_table = new QTableWidget(0, ColumnCount, splitter);
    m_table->setHorizontalHeaderLabels({tr("Subset"), tr("Mean"), tr("Min"), tr("Max"), tr("Δ to all"), tr("Runs")});
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_chart = new AblationChart(splitter);
    splitter->addWidget(m_table);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter, 1);

    connect(m_run, &QPushButton::clicked, this, &AblationPage::run);
    connect(m_cancel, &QPushButton::clicked, this, &AblationPage::cancel);
    refreshControls();
}

AblationPage::~AblationPage() = default;

void AblationPage::setContext(std::shared_ptr<const Dataset> dataset, const DatasetIdentity &identity, const RunConfig &config)
{
    m_dataset = std::move(dataset);
    m_worker.setDataset(m_dataset);
    m_identity = identity;
    m_config = config;
    refreshControls();
    const QString key = QString::number(quintptr(m_dataset.get())) + identity.hash
        + QString::fromUtf8(QJsonDocument(runConfigToJson(config)).toJson(QJsonDocument::Compact));
    if (key == m_contextKey)
        return;
    m_contextKey = key;
    if (m_worker.isRunning()) {
        m_worker.drop();
        m_cancel->setEnabled(false);
        m_status->setText(tr("The settings changed, so the ablation was stopped; press Run to start it again."));
    } else if (!m_ablation.runs.empty()) {
        m_status->setText(tr("The settings changed since this ablation ran; press Run to bring it up to date."));
    }
}

void AblationPage::refreshControls()
{
    const QString metric = m_metric->currentText();
    const QStringList metrics = metricChoices(m_config, true);
    m_metric->clear();
    m_metric->addItems(metrics);
    m_metric->setCurrentText(metrics.contains(metric) ? metric : defaultRunMetric(m_config));
    int enabled = 0;
    for (const ModalityConfig &m : m_config.pipeline.modalities)
        enabled += m.enabled ? 1 : 0;
    const bool usable = m_dataset && enabled > 0;
    m_run->setEnabled(usable);
    m_seeds->setEnabled(usable);
    m_metric->setEnabled(usable);
    if (!m_dataset)
        m_status->setText(tr("Load a dataset to ablate its modalities."));
    else if (enabled == 0)
        m_status->setText(tr("Switch on at least one modality in the Modalities panel."));
    else if (!m_worker.isRunning() && m_ablation.runs.empty())
        m_status->setText(tr("Trains each modality alone, all but each one, and all of them, once per seed, "
                             "with the current model and settings."));
}

AblationRequest AblationPage::request() const
{
    AblationRequest r;
    r.config = m_config;
    r.seeds = m_seeds->value();
    r.metric = m_metric->currentText();
    return r;
}

void AblationPage::run()
{
    m_worker.drop();
    if (!m_dataset)
        return;
    const AblationRequest r = request();
    QStringList enabled;
    for (const ModalityConfig &m : m_config.pipeline.modalities) {
        if (m.enabled)
            enabled << m.name;
    }
    if (enabled.isEmpty())
        return;
    m_ablation = Ablation{};
    m_ablation.metric = r.metric.isEmpty() ? defaultRunMetric(r.config) : r.metric;
    m_ablation.higherIsBetter = metricHigherIsBetter(m_ablation.metric);
    m_ablation.subsets = ablationSubsets(enabled);
    m_ablation.planned = int(m_ablation.subsets.size()) * r.seeds;
    showAblation();
    m_status->setText(tr("Training %n run(s) …", nullptr, m_ablation.planned));
    m_cancel->setEnabled(true);

    const int threads = std::max(1, QThread::idealThreadCount());
    m_worker.start(
        Result<Ablation>(makeError(tr("The ablation was cancelled."))),
        [this, r, identity = m_identity, threads](FusionPipeline &pipeline, const PipelineWorker::Job &job) {
            return runAblation(
                pipeline, r, identity, threads,
                [this, &job](const AblationRun &run) { job.post([this, run] { onRun(run); }); }, job.cancelFlag());
        },
        [this](const Result<Ablation> &result, bool cancelled) { onDone(result, cancelled); });
}

void AblationPage::cancel()
{
    if (!m_worker.isRunning())
        return;
    m_worker.cancel();
    m_cancel->setEnabled(false);
    m_status->setText(tr("Cancelling … (the runs under way stop at their next epoch)"));
}

void AblationPage::onRun(const AblationRun &run)
{
    m_ablation.runs.push_back(run);
    showAblation();
}

void AblationPage::onDone(const Result<Ablation> &result, bool cancelled)
{
    m_cancel->setEnabled(false);
    if (!result.ok()) {
        m_status->setText(result.error());
        Q_EMIT finished();
        return;
    }
    m_ablation = result.value();
    showAblation();
    int failed = 0;
    for (const AblationRun &run : m_ablation.runs)
        failed += std::isfinite(run.value) ? 0 : 1;
    QString text = cancelled ? tr("Cancelled after %1 of %2 runs.").arg(m_ablation.runs.size()).arg(m_ablation.planned)
                             : tr("Done: %n run(s).", nullptr, int(m_ablation.runs.size()));
    if (failed > 0)
        text += QLatin1Char(' ') + tr("%n run(s) failed or diverged and are left out of the means.", nullptr, failed);
    m_status->setText(text);
    Q_EMIT finished();
}

void AblationPage::showAblation()
{
    m_chart->setAblation(m_ablation);
    const std::vector<AblationRow> &rows = m_chart->rows();
    const int seeds = m_ablation.subsets.empty() ? 0 : m_ablation.planned / int(m_ablation.subsets.size());
    m_table->setRowCount(int(rows.size()));
    auto number = [](double v) { return std::isfinite(v) ? formatLandscapeValue(v) : QString(); };
    for (int i = 0; i < int(rows.size()); ++i) {
        const AblationRow &row = rows[size_t(i)];
        const bool all = row.subset.kind == QLatin1String("all");
        int runs = 0;
        for (const AblationRun &run : m_ablation.runs)
            runs += run.subset == i ? 1 : 0;
        const QStringList cells{row.subset.label,
                                number(row.mean),
                                number(row.min),
                                number(row.max),
                                all || !std::isfinite(row.deltaToAll) ? QString() : signedNumber(row.deltaToAll, 4),
                                tr("%1 / %2").arg(runs).arg(seeds)};
        for (int c = 0; c < ColumnCount; ++c) {
            QTableWidgetItem *item = m_table->item(i, c);
            if (!item) {
                item = new QTableWidgetItem;
                m_table->setItem(i, c, item);
            }
            item->setText(cells[c]);
            item->setTextAlignment(c == SubsetColumn ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
            QFont font = m_table->font();
            font.setBold(all);
            item->setFont(font);
        }
        m_table->item(i, SubsetColumn)->setToolTip(row.subset.modalities.join(QStringLiteral(" + ")));
    }
    // The table as wide as its columns, so the chart keeps the rest.
    m_table->resizeColumnsToContents();
    int width = 2 * m_table->frameWidth() + 4;
    for (int c = 0; c < ColumnCount; ++c)
        width += m_table->horizontalHeader()->sectionSize(c);
    if (m_table->verticalScrollBar()->isVisible())
        width += m_table->verticalScrollBar()->width();
    m_table->setMinimumWidth(std::min(width, 520));
    const int done = int(m_ablation.runs.size());
    m_progress->setRange(0, std::max(1, m_ablation.planned));
    m_progress->setValue(done);
    m_progressLabel->setText(progressText());
}

QString AblationPage::progressText() const
{
    if (m_ablation.planned <= 0)
        return {};
    return tr("%1 / %2 runs").arg(QLocale().toString(qlonglong(m_ablation.runs.size())), QLocale().toString(m_ablation.planned));
}

QString AblationPage::statusText() const
{
    return m_status->text();
}

} // namespace fl
