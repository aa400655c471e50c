#include "AppSettings.h"

#include "engine/evaluation/MetricKey.h"
#include "engine/models/ModelKind.h"

#include <QSettings>

#include <algorithm>
#include <cmath>

namespace fl {

namespace {

QSettings settings()
{
    return QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("FusionLab"), QStringLiteral("FusionLab"));
}

} // namespace

void AppSettings::clear()
{
    QSettings s = settings();
    s.clear();
    s.sync();
}

QByteArray AppSettings::windowGeometry() { return settings().value(QStringLiteral("window/geometry")).toByteArray(); }
void AppSettings::setWindowGeometry(const QByteArray &geometry) { settings().setValue(QStringLiteral("window/geometry"), geometry); }
QByteArray AppSettings::windowState() { return settings().value(QStringLiteral("window/state")).toByteArray(); }
void AppSettings::setWindowState(const QByteArray &state) { settings().setValue(QStringLiteral("window/state"), state); }

bool AppSettings::presenterMode() { return settings().value(QStringLiteral("window/presenter"), false).toBool(); }
void AppSettings::setPresenterMode(bool on) { settings().setValue(QStringLiteral("window/presenter"), on); }
QByteArray AppSettings::presenterWindowState() { return settings().value(QStringLiteral("window/presenterState")).toByteArray(); }
void AppSettings::setPresenterWindowState(const QByteArray &state) { settings().setValue(QStringLiteral("window/presenterState"), state); }

QStringList AppSettings::recentDatasets()
{
    return settings().value(QStringLiteral("datasets/recent")).toStringList();
}

namespace {

// The list under key with path first, without repeats, at most maxRecentDatasets long.
void prependRecent(QSettings &s, const QString &key, const QString &path)
{
    QStringList recent = s.value(key).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > AppSettings::maxRecentDatasets)
        recent.removeLast();
    s.setValue(key, recent);
}

} // namespace

void AppSettings::addRecentDataset(const QString &path)
{
    QSettings s = settings();
    prependRecent(s, QStringLiteral("datasets/recent"), path);
    s.setValue(QStringLiteral("datasets/last"), path);
}

QStringList AppSettings::recentExperiments()
{
    return settings().value(QStringLiteral("experiments/recent")).toStringList();
}

void AppSettings::addRecentExperiment(const QString &path)
{
    QSettings s = settings();
    prependRecent(s, QStringLiteral("experiments/recent"), path);
}

QString AppSettings::lastDataset()
{
    return settings().value(QStringLiteral("datasets/last"), QStringLiteral("demo")).toString();
}

bool AppSettings::startPageShown() { return settings().value(QStringLiteral("start/pageShown"), false).toBool(); }
void AppSettings::setStartPageShown(bool shown) { settings().setValue(QStringLiteral("start/pageShown"), shown); }

bool AppSettings::logScale() { return settings().value(QStringLiteral("chart/logScale"), false).toBool(); }
void AppSettings::setLogScale(bool on) { settings().setValue(QStringLiteral("chart/logScale"), on); }

double AppSettings::playbackSpeed()
{
    const double speed = settings().value(QStringLiteral("training/playbackSpeed"), 0.0).toDouble();
    return std::isfinite(speed) && speed > 0 ? speed : 0.0;
}

void AppSettings::setPlaybackSpeed(double epochsPerSecond)
{
    settings().setValue(QStringLiteral("training/playbackSpeed"), epochsPerSecond);
}

QString AppSettings::language() { return settings().value(QStringLiteral("window/language")).toString(); }
void AppSettings::setLanguage(const QString &code) { settings().setValue(QStringLiteral("window/language"), code); }

void AppSettings::saveRunConfig(const RunConfig &config)
{
    QSettings s = settings();
    s.beginGroup(QStringLiteral("run"));
    s.setValue(QStringLiteral("fusion"), fusionOpName(config.pipeline.op));
    s.setValue(QStringLiteral("commonWidth"), config.pipeline.commonWidth);
    s.setValue(QStringLiteral("missing"), missingPolicyName(config.pipeline.missing));
    s.setValue(QStringLiteral("validationFraction"), config.pipeline.split.validationFraction);
    s.setValue(QStringLiteral("learningRate"), config.training.learningRate);
    s.setValue(QStringLiteral("epochs"), config.training.epochs);
    s.setValue(QStringLiteral("optimizer"), optimizerName(config.training.optimizer));
    s.setValue(QStringLiteral("batchSize"), config.training.batchSize);
    s.setValue(QStringLiteral("l2"), config.training.l2);
    s.setValue(QStringLiteral("seed"), QString::number(config.training.seed));
    s.beginGroup(QStringLiteral("model"));
    s.setValue(QStringLiteral("kind"), modelKindName(config.model.kind));
    s.setValue(QStringLiteral("linearRanking"), config.model.kind == ModelKind::LinearRanking);
    s.setValue(QStringLiteral("linearBiases"), config.model.linearBiases);
    s.setValue(QStringLiteral("loss"), config.model.loss == LossKind::Bpr ? QStringLiteral("bpr") : QStringLiteral("squared"));
    s.setValue(QStringLiteral("factors"), config.model.factors);
    s.setValue(QStringLiteral("split"), recSplitKindName(config.model.split.kind));
    s.setValue(QStringLiteral("testShare"), config.model.split.ratio);
    s.setValue(QStringLiteral("lastK"), config.model.split.lastK);
    QStringList ks;
    for (int k : config.model.ks)
        ks << QString::number(k);
    s.setValue(QStringLiteral("ks"), ks.join(QLatin1Char(',')));
    s.setValue(QStringLiteral("useThreshold"), config.model.useThreshold);
    s.setValue(QStringLiteral("threshold"), config.model.threshold);
    s.setValue(QStringLiteral("patience"), config.model.patience);
    s.endGroup();
    for (const ModalityConfig &m : config.pipeline.modalities) {
        s.beginGroup(QStringLiteral("modality-") + m.name);
        s.setValue(QStringLiteral("enabled"), m.enabled);
        s.setValue(QStringLiteral("weight"), m.weight);
        s.setValue(QStringLiteral("textWidth"), m.text.width);
        s.setValue(QStringLiteral("imageFeatures"), imageFeatureKindName(m.image.kind));
        s.endGroup();
    }
    s.endGroup();
}

RunConfig AppSettings::restoreRunConfig(const Dataset &dataset)
{
    RunConfig config;
    config.pipeline = defaultPipelineConfig(dataset);
    QSettings s = settings();
    s.beginGroup(QStringLiteral("run"));
    config.pipeline.op = fusionOpFromName(s.value(QStringLiteral("fusion")).toString()).value_or(FusionOp::Sum);
    config.pipeline.commonWidth = s.value(QStringLiteral("commonWidth"), 0).toInt();
    config.pipeline.missing = parseMissingPolicy(s.value(QStringLiteral("missing")).toString()).value_or(MissingPolicy::MeanImpute);
    config.pipeline.split.validationFraction = std::clamp(s.value(QStringLiteral("validationFraction"), 0.2).toDouble(), 0.0, 0.95);
    config.training.learningRate = std::clamp(s.value(QStringLiteral("learningRate"), 0.01).toDouble(), 1e-5, 10.0);
    config.training.epochs = std::max(1, s.value(QStringLiteral("epochs"), 200).toInt());
    config.training.optimizer = optimizerFromName(s.value(QStringLiteral("optimizer")).toString()).value_or(OptimizerKind::GradientDescent);
    config.training.batchSize = std::max(1, s.value(QStringLiteral("batchSize"), 256).toInt());
    config.training.l2 = std::max(0.0, s.value(QStringLiteral("l2"), 0.0).toDouble());
    config.training.seed = s.value(QStringLiteral("seed"), QStringLiteral("42")).toString().toULongLong();
    config.pipeline.split.seed = config.training.seed;
    s.beginGroup(QStringLiteral("model"));
    ModelConfig &model = config.model;
    model.kind = modelKindFromName(s.value(QStringLiteral("kind")).toString()).value_or(model.kind);
    model.kind = withLinearRanking(model.kind, s.value(QStringLiteral("linearRanking"), false).toBool());
    model.linearBiases = s.value(QStringLiteral("linearBiases"), false).toBool();
    model.loss = s.value(QStringLiteral("loss")).toString() == QLatin1String("bpr") ? LossKind::Bpr : LossKind::Squared;
    model.factors = std::clamp(s.value(QStringLiteral("factors"), model.factors).toInt(), 1, 512);
    model.split.kind = parseRecSplitKind(s.value(QStringLiteral("split")).toString()).value_or(model.split.kind);
    model.split.ratio = std::clamp(s.value(QStringLiteral("testShare"), model.split.ratio).toDouble(), 0.01, 0.9);
    model.split.lastK = std::clamp(s.value(QStringLiteral("lastK"), 0).toInt(), 0, 1000);
    model.split.seed = config.training.seed;
    std::vector<int> ks;
    for (const QString &k : s.value(QStringLiteral("ks")).toString().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const int value = k.toInt(); value >= 1 && value <= 1000 && std::find(ks.begin(), ks.end(), value) == ks.end())
            ks.push_back(value);
    }
    std::sort(ks.begin(), ks.end());
    if (!ks.empty())
        model.ks = ks;
    model.monitor = MetricKey{QStringLiteral("ndcg"), model.ks.front()}.name();
    model.useThreshold = s.value(QStringLiteral("useThreshold"), false).toBool();
    model.threshold = s.value(QStringLiteral("threshold"), 0.0).toDouble();
    model.patience = std::clamp(s.value(QStringLiteral("patience"), model.patience).toInt(), 0, 100000);
    s.endGroup();
    for (ModalityConfig &m : config.pipeline.modalities) {
        s.beginGroup(QStringLiteral("modality-") + m.name);
        m.enabled = s.value(QStringLiteral("enabled"), m.enabled).toBool();
        m.weight = s.value(QStringLiteral("weight"), m.weight).toDouble();
        m.text.width = std::clamp(s.value(QStringLiteral("textWidth"), m.text.width).toInt(), 1, 512);
        m.image.kind = imageFeatureKindFromName(s.value(QStringLiteral("imageFeatures")).toString()).value_or(m.image.kind);
        s.endGroup();
    }
    s.endGroup();
    return config;
}

} // namespace fl
