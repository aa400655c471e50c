// Why one file (about 900 lines):
// A run record and its JSON form, both directions, field by field: writing and reading each field sit next
// to each other so that they cannot drift apart (records round-trip bit for bit).

#include "engine/training/RunRecord.h"

#include "engine/data/RecSplit.h"
#include "engine/embedding/ImageFeatures.h"
#include "engine/fusion/Fusion.h"
#include "engine/models/Optimizer.h"
#include "engine/models/ModelKind.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QUuid>

#include <cmath>
#include <map>
#include <limits>

namespace fl {

namespace {

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::RunRecord)
};

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}

QJsonArray hiddenArray(const std::vector<int> &widths)
{
    QJsonArray array;
    for (int w : widths)
        array.append(w);
    return array;
}

double toNumber(const QJsonValue &v, double fallback = kNaN)
{
    return v.isDouble() ? v.toDouble() : fallback;
}

// Seeds are 64-bit: written as numbers while JSON's doubles hold them exactly, as strings beyond.
QJsonValue seedValue(std::uint64_t seed)
{
    if (seed <= (std::uint64_t(1) << 53))
        return QJsonValue(double(seed));
    return QJsonValue(QString::number(seed));
}

std::optional<std::uint64_t> seedFrom(const QJsonValue &v)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d >= 0 && d <= 9007199254740992.0 && d == std::floor(d))
            return std::uint64_t(d);
        return std::nullopt;
    }
    bool ok = false;
    const qulonglong s = v.toString().toULongLong(&ok);
    return ok ? std::optional<std::uint64_t>(s) : std::nullopt;
}

class Hasher
{
public:
    Hasher() : m_hash(QCryptographicHash::Blake2b_256) {}
    template<typename T>
    void addArray(const T *data, size_t count)
    {
        addCount(count);
        m_hash.addData(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(count * sizeof(T))));
    }
    void addStrings(const QStringList &strings)
    {
        addCount(size_t(strings.size()));
        for (const QString &s : strings)
            addString(s);
    }
    void addString(const QString &s)
    {
        addCount(size_t(s.size()));
        m_hash.addData(QByteArrayView(reinterpret_cast<const char *>(s.utf16()), s.size() * qsizetype(sizeof(char16_t))));
    }
    void addBools(const std::vector<bool> &flags)
    {
        QByteArray bytes(qsizetype(flags.size()), '\0');
        for (size_t i = 0; i < flags.size(); ++i)
            bytes[qsizetype(i)] = flags[i] ? '\1' : '\0';
        addCount(flags.size());
        m_hash.addData(bytes);
    }
    void addCount(size_t n)
    {
        const quint64 v = n;
        m_hash.addData(QByteArrayView(reinterpret_cast<const char *>(&v), sizeof v));
    }
    QString hex() const { return QString::fromLatin1(m_hash.result().toHex()); }

private:
    QCryptographicHash m_hash;
};

QString datasetFolder(const QString &sourcePath)
{
    if (sourcePath.isEmpty() || sourcePath.startsWith(QLatin1String(":/")))
        return {};
    const QFileInfo info(sourcePath);
    return info.isDir() ? info.absoluteFilePath() : info.absolutePath();
}

QString grouped(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toStringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &e : v.toArray())
        out << e.toString();
    return out;
}

QString numberText(double v)
{
    return QString::number(v, 'g', 6);
}

} // namespace

// --- DatasetIdentity -------------------------------------------------------------------------------

QJsonObject DatasetIdentity::toJson() const
{
    QJsonObject modalities, kinds;
    for (auto it = modalityHashes.cbegin(); it != modalityHashes.cend(); ++it)
        modalities.insert(it.key(), it.value());
    for (auto it = modalityKinds.cbegin(); it != modalityKinds.cend(); ++it)
        kinds.insert(it.key(), it.value());
    return QJsonObject{{"name", name},
                       {"path", path},
                       {"format", format},
                       {"users", users},
                       {"items", items},
                       {"interactions", interactions},
                       {"hash", hash},
                       {"items_hash", itemsHash},
                       {"interactions_hash", interactionsHash},
                       {"modality_hashes", modalities},
                       {"modality_kinds", kinds}};
}

DatasetIdentity DatasetIdentity::fromJson(const QJsonObject &json)
{
    DatasetIdentity d;
    d.name = json.value(QLatin1String("name")).toString();
    d.path = json.value(QLatin1String("path")).toString();
    d.format = json.value(QLatin1String("format")).toString();
    d.users = json.value(QLatin1String("users")).toInt();
    d.items = json.value(QLatin1String("items")).toInt();
    d.interactions = json.value(QLatin1String("interactions")).toInt();
    d.hash = json.value(QLatin1String("hash")).toString();
    d.itemsHash = json.value(QLatin1String("items_hash")).toString();
    d.interactionsHash = json.value(QLatin1String("interactions_hash")).toString();
    const QJsonObject modalities = json.value(QLatin1String("modality_hashes")).toObject();
    for (auto it = modalities.begin(); it != modalities.end(); ++it)
        d.modalityHashes.insert(it.key(), it.value().toString());
    const QJsonObject kinds = json.value(QLatin1String("modality_kinds")).toObject();
    for (auto it = kinds.begin(); it != kinds.end(); ++it)
        d.modalityKinds.insert(it.key(), it.value().toString());
    return d;
}

DatasetIdentity identifyDataset(const Dataset &dataset, const QString &path, const QString &format)
{
    DatasetIdentity d;
    d.name = dataset.name;
    d.path = path.isEmpty() ? dataset.sourcePath : path;
    d.format = format.isEmpty() ? QStringLiteral("auto") : format;
    d.users = dataset.userCount();
    d.items = dataset.itemCount();
    d.interactions = dataset.interactionCount();

    Hasher items;
    items.addStrings(dataset.itemIds);
    items.addStrings(dataset.itemTitles);
    items.addStrings(dataset.itemCategories);
    d.itemsHash = items.hex();

    Hasher interactions;
    interactions.addStrings(dataset.userIds);
    interactions.addArray(dataset.interactionUser.data(), dataset.interactionUser.size());
    interactions.addArray(dataset.interactionItem.data(), dataset.interactionItem.size());
    interactions.addArray(dataset.rating.data(), size_t(dataset.rating.size()));
    interactions.addArray(dataset.timestamp.data(), dataset.timestamp.size());
    interactions.addArray(dataset.interactionSplit.data(), dataset.interactionSplit.size());
    d.interactionsHash = interactions.hex();

    const QString folder = datasetFolder(dataset.sourcePath);
    const QDir base(folder);
    Hasher all;
    all.addString(d.itemsHash);
    all.addString(d.interactionsHash);
    for (const ModalitySource &m : dataset.modalities) {
        Hasher h;
        h.addString(modalityKindName(m.kind));
        h.addStrings(m.texts);
        QStringList paths;
        paths.reserve(m.imagePaths.size());
        for (const QString &p : m.imagePaths)
            paths << (folder.isEmpty() || p.startsWith(QLatin1String(":/")) ? p : base.relativeFilePath(p));
        h.addStrings(paths);
        h.addCount(size_t(m.values.cols()));
        h.addArray(m.values.data(), size_t(m.values.size()));
        h.addBools(m.missing);
        d.modalityHashes.insert(m.name, h.hex());
        d.modalityKinds.insert(m.name, modalityKindName(m.kind));
        all.addString(m.name);
        all.addString(d.modalityHashes.value(m.name));
    }
    d.hash = all.hex();
    return d;
}

QStringList describeDatasetChanges(const DatasetIdentity &saved, const DatasetIdentity &now)
{
    QStringList changes;
    if (saved.hash == now.hash)
        return changes;
    auto counted = [&](const QString &what, int before, int after, const QString &hashBefore, const QString &hashAfter) {
        if (before != after)
            changes << Tr::tr("%1: %2 then, %3 now.").arg(what, grouped(before), grouped(after));
        else if (hashBefore != hashAfter)
            changes << Tr::tr("%1: the same number (%2), but different content.").arg(what, grouped(before));
    };
    counted(Tr::tr("Interactions"), saved.interactions, now.interactions, saved.interactionsHash, now.interactionsHash);
    if (saved.users != now.users)
        changes << Tr::tr("Users: %1 then, %2 now.").arg(grouped(saved.users), grouped(now.users));
    counted(Tr::tr("Items"), saved.items, now.items, saved.itemsHash, now.itemsHash);
    for (auto it = saved.modalityHashes.cbegin(); it != saved.modalityHashes.cend(); ++it) {
        if (!now.modalityHashes.contains(it.key()))
            changes << Tr::tr("Modality '%1' is no longer in the dataset.").arg(it.key());
        else if (now.modalityHashes.value(it.key()) != it.value())
            changes << Tr::tr("Modality '%1' changed.").arg(it.key());
    }
    for (auto it = now.modalityHashes.cbegin(); it != now.modalityHashes.cend(); ++it) {
        if (!saved.modalityHashes.contains(it.key()))
            changes << Tr::tr("Modality '%1' is new.").arg(it.key());
    }
    if (changes.isEmpty())
        changes << Tr::tr("The content differs.");
    return changes;
}

// --- RunConfig as JSON ------------------------------------------------------------------------------

QJsonObject runConfigToJson(const RunConfig &config)
{
    QJsonArray modalities;
    for (const ModalityConfig &m : config.pipeline.modalities) {
        const TextEmbedderSettings &t = m.text;
        modalities.append(QJsonObject{
            {"name", m.name},
            {"enabled", m.enabled},
            {"weight", number(m.weight)},
            {"text", QJsonObject{{"width", t.width},
                                 {"seed", seedValue(t.seed)},
                                 {"power_iterations", t.powerIterations},
                                 {"lowercase", t.tokenizer.lowercase},
                                 {"stop_words", t.tokenizer.removeStopWords},
                                 {"min_token_length", t.tokenizer.minTokenLength},
                                 {"normalize_width", t.tokenizer.normalizeWidth},
                                 {"min_df", t.tfidf.minDocumentFrequency},
                                 {"max_df", t.tfidf.maxDocumentFraction},
                                 {"max_terms", t.tfidf.maxTerms},
                                 {"sublinear_tf", t.tfidf.sublinearTf}}},
            {"image", QJsonObject{{"features", imageFeatureKindName(m.image.kind)},
                                  {"grid", m.image.grid},
                                  {"bins", m.image.histogramBins}}}});
    }
    const PipelineConfig &p = config.pipeline;
    const TrainingConfig &t = config.training;
    const ModelConfig &m = config.model;
    QJsonArray ks;
    for (int k : m.ks)
        ks.append(k);
    return QJsonObject{
        {"pipeline", QJsonObject{{"fusion", fusionOpName(p.op)},
                                 {"width", p.commonWidth},
                                 {"missing", missingPolicyName(p.missing)},
                                 {"learn_weights", p.learnWeights},
                                 {"validation", p.split.validationFraction},
                                 {"split_seed", seedValue(p.split.seed)},
                                 {"modalities", modalities}}},
        {"training", QJsonObject{{"optimizer", optimizerName(t.optimizer)},
                                 {"lr", number(t.learningRate)},
                                 {"epochs", t.epochs},
                                 {"batch_size", t.batchSize},
                                 {"l2", number(t.l2)},
                                 {"seed", seedValue(t.seed)}}},
        {"model", QJsonObject{{"kind", modelKindName(m.kind)},
                              {"loss", m.loss == LossKind::Bpr ? QStringLiteral("bpr") : QStringLiteral("squared")},
                              {"factors", m.factors},
                              {"negatives", m.negatives},
                              {"split", QJsonObject{{"kind", recSplitKindName(m.split.kind)},
                                                    {"test", m.split.ratio},
                                                    {"validation", m.split.validationRatio},
                                                    {"last", m.split.lastK},
                                                    {"seed", seedValue(m.split.seed)}}},
                              {"k", ks},
                              {"threshold", m.useThreshold ? QJsonValue(m.threshold) : QJsonValue()},
                              {"patience", m.patience},
                              {"monitor", m.monitor},
                              {"validation_users", m.validationUsers},
                              {"linear_ranking", m.kind == ModelKind::LinearRanking},
                              {"biases", m.linearBiases},
                              {"mlp", QJsonObject{{"hidden", hiddenArray(m.mlp.hidden)},
                                                  {"dropout", number(m.mlp.dropout)},
                                                  {"biases", m.mlp.biases},
                                                  {"user_vectors", m.mlp.userFactors}}},
                              {"svr", QJsonObject{{"epsilon", number(m.svr.epsilon)},
                                                  {"biases", m.svr.biases},
                                                  {"user_weights", m.svr.userWeights},
                                                  {"unrated_samples", m.svr.unratedSamples}}}}}};
}

namespace {

// Reads typed values out of one JSON object, keeping the first error with the key's path.
class Reader
{
public:
    Reader(const QJsonObject &object, QString path, QString *error)
        : m_object(object), m_path(std::move(path)), m_error(error) {}

    Reader child(const char *key) const
    {
        return Reader(m_object.value(QLatin1String(key)).toObject(), m_path + QLatin1Char('.') + QLatin1String(key), m_error);
    }
    bool has(const char *key) const { return m_object.contains(QLatin1String(key)); }
    QJsonValue value(const char *key) const { return m_object.value(QLatin1String(key)); }

    void real(const char *key, double lo, double hi, double *target) const
    {
        if (!has(key))
            return;
        const QJsonValue v = value(key);
        if (!v.isDouble() || !(v.toDouble() >= lo && v.toDouble() <= hi))
            fail(key, Tr::tr("a number from %1 to %2").arg(lo).arg(hi));
        else
            *target = v.toDouble();
    }
    void integer(const char *key, int lo, int hi, int *target) const
    {
        if (!has(key))
            return;
        const QJsonValue v = value(key);
        const double d = v.toDouble(kNaN);
        if (!v.isDouble() || d != std::floor(d) || d < lo || d > hi)
            fail(key, Tr::tr("a whole number from %1 to %2").arg(lo).arg(hi));
        else
            *target = int(d);
    }
    void boolean(const char *key, bool *target) const
    {
        if (!has(key))
            return;
        if (!value(key).isBool())
            fail(key, Tr::tr("true or false"));
        else
            *target = value(key).toBool();
    }
    void seed(const char *key, std::uint64_t *target) const
    {
        if (!has(key))
            return;
        if (const auto s = seedFrom(value(key)))
            *target = *s;
        else
            fail(key, Tr::tr("a seed (a whole number ≥ 0)"));
    }
    template<typename T, typename Parse>
    void named(const char *key, Parse parse, const QString &expected, T *target) const
    {
        if (!has(key))
            return;
        if (const auto parsed = parse(value(key).toString()))
            *target = *parsed;
        else
            fail(key, expected);
    }
    void fail(const char *key, const QString &expected) const
    {
        if (m_error->isEmpty()) {
            *m_error = Tr::tr("'%1.%2' should be %3, not %4.")
                           .arg(m_path, QLatin1String(key), expected,
                                QString::fromUtf8(QJsonDocument(QJsonArray{value(key)}).toJson(QJsonDocument::Compact)).mid(1).chopped(1));
        }
    }

private:
    QJsonObject m_object;
    QString m_path;
    QString *m_error;
};

} // namespace

Result<RunConfig> runConfigFromJson(const QJsonObject &json)
{
    RunConfig config;
    QString error;
    const Reader root(json, QStringLiteral("config"), &error);

    const Reader p = root.child("pipeline");
    PipelineConfig &pipeline = config.pipeline;
    p.named("fusion", fusionOpFromName, Tr::tr("sum, product or concat"), &pipeline.op);
    p.integer("width", 0, 4096, &pipeline.commonWidth);
    p.named("missing", parseMissingPolicy, Tr::tr("mean, indicator or leave-out"), &pipeline.missing);
    p.boolean("learn_weights", &pipeline.learnWeights);
    p.real("validation", 0, 0.95, &pipeline.split.validationFraction);
    p.seed("split_seed", &pipeline.split.seed);
    const QJsonArray modalities = p.value("modalities").toArray();
    if (modalities.size() > 1000)
        return makeError(Tr::tr("'config.pipeline.modalities' lists %1 modalities; at most 1000 are read.").arg(modalities.size()));
    for (qsizetype i = 0; i < modalities.size(); ++i) {
        const Reader m(modalities[i].toObject(), QStringLiteral("config.pipeline.modalities[%1]").arg(i), &error);
        ModalityConfig modality;
        modality.name = m.value("name").toString();
        if (modality.name.isEmpty())
            m.fail("name", Tr::tr("a modality name"));
        m.boolean("enabled", &modality.enabled);
        m.real("weight", -1e6, 1e6, &modality.weight);
        const Reader t = m.child("text");
        TextEmbedderSettings &text = modality.text;
        t.integer("width", 1, 4096, &text.width);
        t.seed("seed", &text.seed);
        t.integer("power_iterations", 0, 100, &text.powerIterations);
        t.boolean("lowercase", &text.tokenizer.lowercase);
        t.boolean("stop_words", &text.tokenizer.removeStopWords);
        t.integer("min_token_length", 1, 1000, &text.tokenizer.minTokenLength);
        t.boolean("normalize_width", &text.tokenizer.normalizeWidth);
        t.integer("min_df", 1, 1 << 30, &text.tfidf.minDocumentFrequency);
        t.real("max_df", 0, 1, &text.tfidf.maxDocumentFraction);
        t.integer("max_terms", 1, 1 << 30, &text.tfidf.maxTerms);
        t.boolean("sublinear_tf", &text.tfidf.sublinearTf);
        const Reader im = m.child("image");
        im.named("features", imageFeatureKindFromName, Tr::tr("grid-mean, histogram or both"), &modality.image.kind);
        im.integer("grid", 1, 64, &modality.image.grid);
        im.integer("bins", 1, 64, &modality.image.histogramBins);
        pipeline.modalities.push_back(std::move(modality));
    }

    const Reader t = root.child("training");
    TrainingConfig &training = config.training;
    t.named("optimizer", optimizerFromName, Tr::tr("gd, sgd, momentum or adam"), &training.optimizer);
    t.real("lr", 1e-12, 1e6, &training.learningRate);
    t.integer("epochs", 1, 1000000000, &training.epochs);
    t.integer("batch_size", 1, 1000000000, &training.batchSize);
    t.real("l2", 0, 1e6, &training.l2);
    t.seed("seed", &training.seed);

    const Reader m = root.child("model");
    ModelConfig &model = config.model;
    if (m.has("kind")) {
        if (const std::optional<ModelKind> kind = modelKindFromName(m.value("kind").toString()))
            model.kind = *kind;
        else
            m.fail("kind", Tr::tr("linear or one of %1").arg(recommenderKindNames().join(QStringLiteral(", "))));
    }
    if (m.has("loss")) {
        const QString loss = m.value("loss").toString();
        if (loss == QLatin1String("bpr"))
            model.loss = LossKind::Bpr;
        else if (loss == QLatin1String("squared"))
            model.loss = LossKind::Squared;
        else
            m.fail("loss", Tr::tr("squared or bpr"));
    }
    m.integer("factors", 1, 1024, &model.factors);
    m.integer("negatives", 1, 1000, &model.negatives);
    const Reader s = m.child("split");
    s.named("kind", parseRecSplitKind, recSplitKindNames().join(QStringLiteral(", ")), &model.split.kind);
    s.real("test", 0, 0.95, &model.split.ratio);
    s.real("validation", 0, 0.95, &model.split.validationRatio);
    s.integer("last", 0, 1000000, &model.split.lastK);
    s.seed("seed", &model.split.seed);
    if (m.has("k")) {
        model.ks.clear();
        for (const QJsonValue &k : m.value("k").toArray()) {
            const double d = k.toDouble(kNaN);
            if (!(d >= 1 && d <= 10000) || d != std::floor(d)) {
                m.fail("k", Tr::tr("a list of cut-offs from 1 to 10000"));
                break;
            }
            model.ks.push_back(int(d));
        }
        if (model.ks.empty())
            m.fail("k", Tr::tr("a list of cut-offs from 1 to 10000"));
    }
    if (m.has("threshold") && !m.value("threshold").isNull()) {
        model.useThreshold = true;
        m.real("threshold", -1e9, 1e9, &model.threshold);
    }
    m.integer("patience", 0, 1000000, &model.patience);
    if (m.has("monitor"))
        model.monitor = m.value("monitor").toString();
    m.integer("validation_users", 1, 1 << 30, &model.validationUsers);
    bool linearRanking = model.kind == ModelKind::LinearRanking;
    m.boolean("linear_ranking", &linearRanking);
    model.kind = withLinearRanking(model.kind, linearRanking);
    m.boolean("biases", &model.linearBiases);
    if (m.has("mlp")) {
        const Reader n = m.child("mlp");
        if (n.has("hidden")) {
            model.mlp.hidden.clear();
            for (const QJsonValue &w : n.value("hidden").toArray()) {
                const double d = w.toDouble(kNaN);
                if (!(d >= 1 && d <= 4096) || d != std::floor(d)) {
                    n.fail("hidden", Tr::tr("a list of layer widths from 1 to 4096"));
                    break;
                }
                model.mlp.hidden.push_back(int(d));
            }
        }
        n.real("dropout", 0, 0.99, &model.mlp.dropout);
        n.boolean("biases", &model.mlp.biases);
        n.boolean("user_vectors", &model.mlp.userFactors);
    }
    if (m.has("svr")) {
        const Reader v = m.child("svr");
        v.real("epsilon", 0, 1e9, &model.svr.epsilon);
        v.boolean("biases", &model.svr.biases);
        v.boolean("user_weights", &model.svr.userWeights);
        v.integer("unrated_samples", 0, 100, &model.svr.unratedSamples);
    }
    if (!error.isEmpty())
        return makeError(error);
    return config;
}

// --- RunRecord ----------------------------------------------------------------------------------------

QString newRunId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QMap<QString, QString> describeParameters(const RunRecord &record)
{
    // A QMap sorts its keys; the order for columns comes from parameterOrder() below.
    QMap<QString, QString> p;
    const RunConfig &c = record.config;
    p.insert(QStringLiteral("dataset"), record.dataset.name);
    QString model = modelKindName(c.model.kind);
    if (c.model.kind == ModelKind::LinearRanking)
        model = c.model.linearBiases ? Tr::tr("linear recommender with biases") : Tr::tr("linear recommender");
    p.insert(QStringLiteral("model"), model);
    p.insert(QStringLiteral("fusion"), fusionOpName(c.pipeline.op));
    p.insert(QStringLiteral("missing"), missingPolicyName(c.pipeline.missing));
    p.insert(QStringLiteral("width"), c.pipeline.commonWidth > 0 ? QString::number(c.pipeline.commonWidth) : Tr::tr("auto"));
    for (const ModalityConfig &m : c.pipeline.modalities) {
        p.insert(QStringLiteral("modality:") + m.name, m.enabled ? Tr::tr("on") : Tr::tr("off"));
        p.insert(QStringLiteral("weight:") + m.name, !m.enabled ? QStringLiteral("—")
                                                    : c.pipeline.learnWeights ? Tr::tr("%1, learned").arg(numberText(m.weight))
                                                                              : numberText(m.weight));
        // Embedder settings matter only to their kind of modality (both when the kind is not known).
        const QString kind = record.dataset.modalityKinds.value(m.name);
        if (kind.isEmpty() || kind == modalityKindName(ModalityKind::Text))
            p.insert(QStringLiteral("text_width:") + m.name, QString::number(m.text.width));
        if (kind.isEmpty() || kind == modalityKindName(ModalityKind::Image))
            p.insert(QStringLiteral("image_features:") + m.name, imageFeatureKindName(m.image.kind));
    }
    p.insert(QStringLiteral("optimizer"), optimizerName(c.training.optimizer));
    p.insert(QStringLiteral("lr"), numberText(c.training.learningRate));
    p.insert(QStringLiteral("batch_size"), c.training.optimizer == OptimizerKind::GradientDescent
                                               ? Tr::tr("full") : QString::number(c.training.batchSize));
    p.insert(QStringLiteral("l2"), numberText(c.training.l2));
    p.insert(QStringLiteral("epochs"), QString::number(c.training.epochs));
    p.insert(QStringLiteral("seed"), QString::number(c.training.seed));
    if (c.model.isLinear()) {
        p.insert(QStringLiteral("validation"), numberText(c.pipeline.split.validationFraction));
    } else {
        p.insert(QStringLiteral("loss"), c.model.loss == LossKind::Bpr ? QStringLiteral("bpr") : QStringLiteral("squared"));
        if (isFactorModel(c.model.kind))
            p.insert(QStringLiteral("factors"), QString::number(c.model.factors));
        if (c.model.kind == ModelKind::Mlp) {
            p.insert(QStringLiteral("hidden"), hiddenWidthsText(c.model.mlp.hidden));
            p.insert(QStringLiteral("dropout"), numberText(c.model.mlp.dropout));
        }
        if (c.model.kind == ModelKind::Svr) {
            p.insert(QStringLiteral("epsilon"), numberText(c.model.svr.epsilon));
            p.insert(QStringLiteral("unrated_samples"), QString::number(c.model.svr.unratedSamples));
        }
        p.insert(QStringLiteral("split"), recSplitKindName(c.model.split.kind));
        p.insert(QStringLiteral("test"), numberText(c.model.split.ratio));
        p.insert(QStringLiteral("validation"), numberText(c.model.split.validationRatio));
        QStringList ks;
        for (int k : c.model.ks)
            ks << QString::number(k);
        p.insert(QStringLiteral("k"), ks.join(QLatin1Char(',')));
        p.insert(QStringLiteral("threshold"), c.model.useThreshold ? numberText(c.model.threshold) : Tr::tr("none"));
        p.insert(QStringLiteral("patience"), QString::number(c.model.patience));
    }
    return p;
}

int parameterRank(const QString &key)
{
    static const QStringList order{QStringLiteral("dataset"), QStringLiteral("model"), QStringLiteral("fusion"),
                                   QStringLiteral("modality:"), QStringLiteral("weight:"), QStringLiteral("missing"),
                                   QStringLiteral("width"), QStringLiteral("text_width:"), QStringLiteral("image_features:"),
                                   QStringLiteral("loss"), QStringLiteral("factors"), QStringLiteral("hidden"),
                                   QStringLiteral("dropout"), QStringLiteral("epsilon"), QStringLiteral("unrated_samples"),
                                   QStringLiteral("split"),
                                   QStringLiteral("test"), QStringLiteral("validation"), QStringLiteral("k"),
                                   QStringLiteral("threshold"), QStringLiteral("patience"), QStringLiteral("optimizer"),
                                   QStringLiteral("lr"), QStringLiteral("batch_size"), QStringLiteral("l2"),
                                   QStringLiteral("epochs"), QStringLiteral("seed")};
    for (int i = 0; i < order.size(); ++i) {
        const QString &o = order[i];
        if (o.endsWith(QLatin1Char(':')) ? key.startsWith(o) : key == o)
            return i;
    }
    return int(order.size());
}

QString parameterTitle(const QString &key, const RunConfig &config)
{
    const qsizetype colon = key.indexOf(QLatin1Char(':'));
    if (colon > 0) {
        const QString kind = key.left(colon);
        const QString name = key.mid(colon + 1);
        if (kind == QLatin1String("weight")) {
            int index = 0;
            for (size_t i = 0; i < config.pipeline.modalities.size(); ++i) {
                if (config.pipeline.modalities[i].name == name)
                    index = int(i);
            }
            return QStringLiteral("%1 (%2)").arg(fusionWeightSymbol(index), name);
        }
        if (kind == QLatin1String("modality"))
            return name;
        if (kind == QLatin1String("text_width"))
            return Tr::tr("%1 text width").arg(name);
        return Tr::tr("%1 image features").arg(name);
    }
    static const std::map<QString, const char *> titles{
        {QStringLiteral("dataset"), QT_TRANSLATE_NOOP("fl::RunRecord", "dataset")},
        {QStringLiteral("model"), QT_TRANSLATE_NOOP("fl::RunRecord", "model")},
        {QStringLiteral("fusion"), QT_TRANSLATE_NOOP("fl::RunRecord", "fusion")},
        {QStringLiteral("missing"), QT_TRANSLATE_NOOP("fl::RunRecord", "missing values")},
        {QStringLiteral("width"), QT_TRANSLATE_NOOP("fl::RunRecord", "common width")},
        {QStringLiteral("optimizer"), QT_TRANSLATE_NOOP("fl::RunRecord", "optimizer")},
        {QStringLiteral("lr"), QT_TRANSLATE_NOOP("fl::RunRecord", "η")},
        {QStringLiteral("batch_size"), QT_TRANSLATE_NOOP("fl::RunRecord", "batch")},
        {QStringLiteral("l2"), QT_TRANSLATE_NOOP("fl::RunRecord", "λ (L2)")},
        {QStringLiteral("epochs"), QT_TRANSLATE_NOOP("fl::RunRecord", "epochs")},
        {QStringLiteral("seed"), QT_TRANSLATE_NOOP("fl::RunRecord", "seed")},
        {QStringLiteral("validation"), QT_TRANSLATE_NOOP("fl::RunRecord", "validation share")},
        {QStringLiteral("loss"), QT_TRANSLATE_NOOP("fl::RunRecord", "loss")},
        {QStringLiteral("factors"), QT_TRANSLATE_NOOP("fl::RunRecord", "factors")},
        {QStringLiteral("hidden"), QT_TRANSLATE_NOOP("fl::RunRecord", "hidden layers")},
        {QStringLiteral("dropout"), QT_TRANSLATE_NOOP("fl::RunRecord", "dropout")},
        {QStringLiteral("epsilon"), QT_TRANSLATE_NOOP("fl::RunRecord", "ε (SVR tube)")},
        {QStringLiteral("unrated_samples"), QT_TRANSLATE_NOOP("fl::RunRecord", "unrated samples")},
        {QStringLiteral("split"), QT_TRANSLATE_NOOP("fl::RunRecord", "split")},
        {QStringLiteral("test"), QT_TRANSLATE_NOOP("fl::RunRecord", "test share")},
        {QStringLiteral("k"), QT_TRANSLATE_NOOP("fl::RunRecord", "K")},
        {QStringLiteral("threshold"), QT_TRANSLATE_NOOP("fl::RunRecord", "relevance threshold")},
        {QStringLiteral("patience"), QT_TRANSLATE_NOOP("fl::RunRecord", "patience")},
    };
    const auto it = titles.find(key);
    return it == titles.end() ? key : Tr::tr(it->second);
}

std::vector<ParameterColumn> differingParameters(const std::vector<const RunRecord *> &records)
{
    std::vector<QMap<QString, QString>> described;
    QStringList keys;
    for (const RunRecord *r : records) {
        described.push_back(describeParameters(*r));
        for (auto it = described.back().cbegin(); it != described.back().cend(); ++it) {
            if (!keys.contains(it.key()))
                keys << it.key();
        }
    }
    // Modality parameters follow the dataset's modality order.
    QStringList modalityOrder;
    for (const RunRecord *r : records) {
        for (const ModalityConfig &m : r->config.pipeline.modalities) {
            if (!modalityOrder.contains(m.name))
                modalityOrder << m.name;
        }
    }
    auto modalityIndex = [&](const QString &key) {
        const qsizetype colon = key.indexOf(QLatin1Char(':'));
        return colon < 0 ? -1 : int(modalityOrder.indexOf(key.mid(colon + 1)));
    };
    std::stable_sort(keys.begin(), keys.end(), [&](const QString &a, const QString &b) {
        const int ra = parameterRank(a), rb = parameterRank(b);
        if (ra != rb)
            return ra < rb;
        const int ma = modalityIndex(a), mb = modalityIndex(b);
        return ma != mb ? ma < mb : a < b;
    });
    std::vector<ParameterColumn> columns;
    for (const QString &key : keys) {
        ParameterColumn column;
        column.key = key;
        const RunRecord *titled = nullptr;
        for (size_t i = 0; i < records.size(); ++i) {
            column.values << described[i].value(key, QStringLiteral("—"));
            if (!titled && described[i].contains(key))
                titled = records[i];
        }
        if (column.values.size() < 2 || column.values.count(column.values.first()) == column.values.size())
            continue;
        column.title = parameterTitle(key, titled->config);
        columns.push_back(std::move(column));
    }
    return columns;
}

QString RunRecord::label() const
{
    if (!name.isEmpty())
        return name;
    const QString model = modelKindName(config.model.kind);
    QStringList weights;
    for (size_t i = 0; i < config.pipeline.modalities.size(); ++i) {
        const ModalityConfig &m = config.pipeline.modalities[i];
        if (m.enabled)
            weights << QStringLiteral("%1 = %2").arg(fusionWeightSymbol(int(i)), numberText(m.weight));
    }
    return weights.isEmpty() ? model : model + QStringLiteral(" · ") + weights.join(QStringLiteral(", "));
}

QMap<QString, double> RunRecord::summaryValues() const
{
    QMap<QString, double> v;
    const bool ended = status != QLatin1String("running") && summary.epochs > 0;
    const EpochRecord *last = epochs.empty() ? nullptr : &epochs.back();
    v.insert(QStringLiteral("train_loss"), ended ? summary.trainLoss : last ? last->trainLoss : kNaN);
    v.insert(QStringLiteral("val_loss"), ended ? summary.validationLoss : last ? last->validationLoss : kNaN);
    // A run that failed before its first epoch was never prepared: it has no floor (its ProblemInfo
    // holds defaults, not values).
    const bool prepared = status != QLatin1String("failed") || !epochs.empty();
    v.insert(QStringLiteral("floor"), prepared ? info.optimumTrainLoss : kNaN);
    v.insert(QStringLiteral("val_floor"), prepared ? info.optimumValidationLoss : kNaN);
    v.insert(QStringLiteral("rmse"), ended ? summary.rmse : kNaN);
    v.insert(QStringLiteral("mae"), ended ? summary.mae : kNaN);
    for (auto it = summary.metrics.cbegin(); it != summary.metrics.cend(); ++it)
        v.insert(it.key(), it.value());
    return v;
}

QJsonObject RunRecord::toJson() const
{
    QJsonArray epoch, train, validation, rate, learned;
    for (const EpochRecord &e : epochs) {
        epoch.append(e.epoch);
        train.append(number(e.trainLoss));
        validation.append(number(e.validationLoss));
        rate.append(number(e.learningRate));
        QJsonArray weights;
        for (double w : e.fusionWeights)
            weights.append(number(w));
        learned.append(weights);
    }
    QJsonObject curveObject{{"epoch", epoch}, {"train_loss", train}, {"val_loss", validation}, {"lr", rate}};
    if (!summary.learnedWeights.empty())
        curveObject.insert(QStringLiteral("fusion_weights"), learned);
    QJsonObject metrics;
    QJsonArray metricEpoch;
    for (int e : metricEpochs)
        metricEpoch.append(e);
    metrics.insert(QStringLiteral("epoch"), metricEpoch);
    for (auto it = metricCurves.cbegin(); it != metricCurves.cend(); ++it) {
        QJsonArray values;
        for (double x : it.value())
            values.append(number(x));
        metrics.insert(it.key(), values);
    }
    QJsonArray weights;
    for (double w : info.weights)
        weights.append(number(w));
    QJsonObject summaryMetrics;
    for (auto it = summary.metrics.cbegin(); it != summary.metrics.cend(); ++it)
        summaryMetrics.insert(it.key(), number(it.value()));
    QJsonArray learnedWeights;
    for (double w : summary.learnedWeights)
        learnedWeights.append(number(w));
    return QJsonObject{
        {"id", id},
        {"name", name},
        {"starred", starred},
        {"dataset", dataset.toJson()},
        {"config", runConfigToJson(config)},
        {"started", started.toUTC().toString(Qt::ISODateWithMs)},
        {"seconds", seconds},
        {"prepare_seconds", prepareSeconds},
        {"status", status},
        {"message", message},
        {"info", QJsonObject{{"formula", info.formula},
                             {"modalities", toArray(info.modalityNames)},
                             {"weights", weights},
                             {"feature_width", info.featureWidth},
                             {"train_rows", info.trainRows},
                             {"validation_rows", info.validationRows},
                             {"notes", toArray(info.notes)},
                             {"optimum_train_loss", number(info.optimumTrainLoss)},
                             {"optimum_val_loss", number(info.optimumValidationLoss)},
                             {"max_stable_lr", number(info.maxStableLearningRate)},
                             {"initial_loss", number(info.initialLoss)}}},
        {"curves", curveObject},
        {"metrics", metrics},
        {"summary", QJsonObject{{"epochs", summary.epochs},
                                {"train_loss", number(summary.trainLoss)},
                                {"val_loss", number(summary.validationLoss)},
                                {"rmse", number(summary.rmse)},
                                {"mae", number(summary.mae)},
                                {"optimum_train_loss", number(summary.optimumTrainLoss)},
                                {"seconds", summary.seconds},
                                {"reason", summary.reason},
                                {"best_epoch", summary.bestEpoch},
                                {"learned_weights", learnedWeights},
                                {"metrics", summaryMetrics}}}};
}

Result<RunRecord> RunRecord::fromJson(const QJsonObject &json)
{
    RunRecord r;
    r.id = json.value(QLatin1String("id")).toString();
    if (r.id.isEmpty())
        return makeError(Tr::tr("A run has no 'id'."));
    r.name = json.value(QLatin1String("name")).toString();
    r.starred = json.value(QLatin1String("starred")).toBool();
    r.dataset = DatasetIdentity::fromJson(json.value(QLatin1String("dataset")).toObject());
    Result<RunConfig> config = runConfigFromJson(json.value(QLatin1String("config")).toObject());
    if (!config)
        return makeError(Tr::tr("Run %1: %2").arg(r.id, config.error()));
    r.config = std::move(*config);
    r.started = QDateTime::fromString(json.value(QLatin1String("started")).toString(), Qt::ISODateWithMs);
    r.seconds = toNumber(json.value(QLatin1String("seconds")), 0);
    r.prepareSeconds = toNumber(json.value(QLatin1String("prepare_seconds")), 0);
    r.status = json.value(QLatin1String("status")).toString(QStringLiteral("completed"));
    r.message = json.value(QLatin1String("message")).toString();

    const QJsonObject info = json.value(QLatin1String("info")).toObject();
    r.info.formula = info.value(QLatin1String("formula")).toString();
    r.info.modalityNames = toStringList(info.value(QLatin1String("modalities")));
    for (const QJsonValue &w : info.value(QLatin1String("weights")).toArray())
        r.info.weights.push_back(toNumber(w));
    r.info.featureWidth = info.value(QLatin1String("feature_width")).toInt();
    r.info.trainRows = info.value(QLatin1String("train_rows")).toInt();
    r.info.validationRows = info.value(QLatin1String("validation_rows")).toInt();
    r.info.notes = toStringList(info.value(QLatin1String("notes")));
    r.info.optimumTrainLoss = toNumber(info.value(QLatin1String("optimum_train_loss")));
    r.info.optimumValidationLoss = toNumber(info.value(QLatin1String("optimum_val_loss")));
    r.info.maxStableLearningRate = toNumber(info.value(QLatin1String("max_stable_lr")));
    r.info.initialLoss = toNumber(info.value(QLatin1String("initial_loss")));

    const QJsonObject curves = json.value(QLatin1String("curves")).toObject();
    const QJsonArray epoch = curves.value(QLatin1String("epoch")).toArray();
    const QJsonArray train = curves.value(QLatin1String("train_loss")).toArray();
    const QJsonArray validation = curves.value(QLatin1String("val_loss")).toArray();
    const QJsonArray rate = curves.value(QLatin1String("lr")).toArray();
    if (train.size() != epoch.size() || validation.size() != epoch.size() || rate.size() != epoch.size())
        return makeError(Tr::tr("Run %1: its curves have different lengths.").arg(r.id));
    r.epochs.reserve(size_t(epoch.size()));
    // Learned fusion weights per epoch, when the run learned them.
    const QJsonArray learned = curves.value(QLatin1String("fusion_weights")).toArray();
    for (qsizetype i = 0; i < epoch.size(); ++i) {
        EpochRecord e;
        e.epoch = epoch[i].toInt();
        e.trainLoss = toNumber(train[i]);
        e.validationLoss = toNumber(validation[i]);
        e.learningRate = toNumber(rate[i]);
        if (i < learned.size()) {
            for (const QJsonValue &w : learned[i].toArray())
                e.fusionWeights.push_back(toNumber(w));
        }
        r.epochs.push_back(std::move(e));
    }

    const QJsonObject metrics = json.value(QLatin1String("metrics")).toObject();
    for (const QJsonValue &e : metrics.value(QLatin1String("epoch")).toArray())
        r.metricEpochs.push_back(e.toInt());
    for (auto it = metrics.begin(); it != metrics.end(); ++it) {
        if (it.key() == QLatin1String("epoch"))
            continue;
        const QJsonArray values = it.value().toArray();
        if (size_t(values.size()) != r.metricEpochs.size())
            return makeError(Tr::tr("Run %1: the curve of %2 has %3 points for %4 epochs.")
                                 .arg(r.id, it.key()).arg(values.size()).arg(r.metricEpochs.size()));
        std::vector<double> &curve = r.metricCurves[it.key()];
        for (const QJsonValue &v : values)
            curve.push_back(toNumber(v));
    }

    const QJsonObject s = json.value(QLatin1String("summary")).toObject();
    r.summary.epochs = s.value(QLatin1String("epochs")).toInt();
    r.summary.trainLoss = toNumber(s.value(QLatin1String("train_loss")));
    r.summary.validationLoss = toNumber(s.value(QLatin1String("val_loss")));
    r.summary.rmse = toNumber(s.value(QLatin1String("rmse")));
    r.summary.mae = toNumber(s.value(QLatin1String("mae")));
    r.summary.optimumTrainLoss = toNumber(s.value(QLatin1String("optimum_train_loss")));
    r.summary.seconds = toNumber(s.value(QLatin1String("seconds")), 0);
    r.summary.reason = s.value(QLatin1String("reason")).toString();
    r.summary.bestEpoch = s.value(QLatin1String("best_epoch")).toInt();
    for (const QJsonValue &w : s.value(QLatin1String("learned_weights")).toArray())
        r.summary.learnedWeights.push_back(toNumber(w));
    const QJsonObject summaryMetrics = s.value(QLatin1String("metrics")).toObject();
    for (auto it = summaryMetrics.begin(); it != summaryMetrics.end(); ++it)
        r.summary.metrics.insert(it.key(), toNumber(it.value()));
    return r;
}

} // namespace fl
