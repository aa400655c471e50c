#include "engine/training/RunDriver.h"

#include <QCoreApplication>

#include <cmath>
#include <limits>

namespace fl {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

RunDriver::RunDriver(PreparedRun prepared, RunRecord header)
    : m_trainer(std::move(prepared.trainer))
    , m_record(std::move(header))
{
    m_record.info = std::move(prepared.info);
    m_record.status = QStringLiteral("running");
    m_epochLimit = m_trainer->plannedEpochs();
    m_record.epochs.reserve(size_t(std::min(m_epochLimit, RunRecord::kMaxCurvePoints)));
}

EpochRecord RunDriver::step()
{
    m_clock.start();
    const EpochRecord r = m_trainer->step();
    m_seconds += double(m_clock.nsecsElapsed()) * 1e-9;
    if (r.epoch % m_curveStride == 0 || m_trainer->divergence())
        m_record.epochs.push_back(r);

    const QMap<QString, double> metrics = m_trainer->lastMetrics();
    if (!metrics.isEmpty() && (r.epoch % m_curveStride == 0)) {
        const size_t before = m_record.metricEpochs.size();
        m_record.metricEpochs.push_back(r.epoch);
        for (auto it = metrics.cbegin(); it != metrics.cend(); ++it) {
            std::vector<double> &curve = m_record.metricCurves[it.key()];
            curve.resize(before, kNaN);   // a metric first reported now has no earlier values
            curve.push_back(it.value());
        }
        for (auto it = m_record.metricCurves.begin(); it != m_record.metricCurves.end(); ++it)
            it.value().resize(before + 1, kNaN);
    }
    if (m_record.epochs.size() >= size_t(RunRecord::kMaxCurvePoints))
        thinCurves();
    return r;
}

void RunDriver::thinCurves()
{
    // Keep the epochs that are multiples of the doubled stride: the curve keeps its shape and its
    // memory stays bounded however long the run goes on.
    m_curveStride *= 2;
    auto keep = [this](int epoch) { return epoch % m_curveStride == 0; };
    std::erase_if(m_record.epochs, [&](const EpochRecord &e) { return !keep(e.epoch); });
    std::vector<int> epochs;
    QMap<QString, std::vector<double>> curves;
    for (size_t i = 0; i < m_record.metricEpochs.size(); ++i) {
        if (!keep(m_record.metricEpochs[i]))
            continue;
        epochs.push_back(m_record.metricEpochs[i]);
        for (auto it = m_record.metricCurves.cbegin(); it != m_record.metricCurves.cend(); ++it)
            curves[it.key()].push_back(it.value()[i]);
    }
    m_record.metricEpochs = std::move(epochs);
    m_record.metricCurves = std::move(curves);
}

RunDriver::Stop RunDriver::stopRule() const
{
    if (m_trainer->divergence())
        return Stop::Diverged;
    if (m_trainer->wantsToStop())
        return Stop::EarlyStop;
    if (m_trainer->epoch() >= m_epochLimit)
        return Stop::Completed;
    return Stop::None;
}

void RunDriver::setEpochLimit(int epochs)
{
    m_epochLimit = std::max(1, epochs);
}

void RunDriver::extend()
{
    if (m_epochLimit <= m_trainer->epoch())
        m_epochLimit = m_trainer->epoch() + m_trainer->plannedEpochs();
}

bool RunDriver::stepBack()
{
    if (!m_trainer->stepBack())
        return false;
    const int epoch = m_trainer->epoch();
    std::erase_if(m_record.epochs, [epoch](const EpochRecord &e) { return e.epoch > epoch; });
    return true;
}

void RunDriver::setLearningRate(double learningRate)
{
    m_trainer->setLearningRate(learningRate);
}

QString RunDriver::statusFor(Stop stop)
{
    switch (stop) {
    case Stop::Diverged: return QStringLiteral("diverged");
    case Stop::EarlyStop: return QStringLiteral("early stop");
    case Stop::Completed: return QStringLiteral("completed");
    case Stop::None: break;
    }
    return QStringLiteral("stopped");
}

const RunRecord &RunDriver::finish(const QString &status)
{
    m_record.summary = m_trainer->summary(m_seconds, status);
    m_record.status = status;
    m_record.seconds = m_seconds;
    if (m_trainer->divergence())
        m_record.message = *m_trainer->divergence();
    return m_record;
}

RunRecord newRunHeader(const RunConfig &config, const DatasetIdentity &dataset)
{
    RunRecord header;
    header.id = newRunId();
    header.dataset = dataset;
    header.config = config;
    header.started = QDateTime::currentDateTimeUtc();
    return header;
}

Result<std::unique_ptr<RunDriver>> startRun(FusionPipeline &pipeline, const RunConfig &config,
                                            const DatasetIdentity &dataset, const ProgressFn &progress)
{
    RunRecord header = newRunHeader(config, dataset);
    QElapsedTimer clock;
    clock.start();
    Result<PreparedRun> prepared = prepareRun(pipeline, config, progress);
    if (!prepared)
        return makeError(prepared.error());
    header.prepareSeconds = double(clock.nsecsElapsed()) * 1e-9;
    return std::make_unique<RunDriver>(std::move(*prepared), std::move(header));
}

const RunRecord &runToEnd(RunDriver &driver, const RunCallbacks &callbacks)
{
    for (;;) {
        if (const RunDriver::Stop stop = driver.stopRule(); stop != RunDriver::Stop::None)
            return driver.finish(RunDriver::statusFor(stop));
        if (callbacks.cancelled && callbacks.cancelled())
            return driver.finish(QStringLiteral("cancelled"));
        const EpochRecord r = driver.step();
        if (callbacks.onEpoch)
            callbacks.onEpoch(r, driver.lastMetrics());
    }
}

RunRecord runOnce(FusionPipeline &pipeline, const RunConfig &config, const DatasetIdentity &dataset,
                  const RunCallbacks &callbacks)
{
    try {
        Result<std::unique_ptr<RunDriver>> driver = startRun(pipeline, config, dataset);
        if (!driver) {
            RunRecord failed = newRunHeader(config, dataset);
            failed.status = QStringLiteral("failed");
            failed.message = driver.error();
            return failed;
        }
        return runToEnd(**driver, callbacks);
    } catch (const std::exception &e) {
        RunRecord failed = newRunHeader(config, dataset);
        failed.status = QStringLiteral("failed");
        failed.message = RunDriver::tr("The engine stopped: %1").arg(QString::fromLocal8Bit(e.what()));
        return failed;
    }
}

} // namespace fl
