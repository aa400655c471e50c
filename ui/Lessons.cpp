#include "Lessons.h"

#include "Language.h"

#include "engine/training/PrepareRun.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <cmath>
#include <limits>

namespace fl {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::Lessons)
};

// Reads one lesson's keys, keeping the first error with where it was.
class LessonReader
{
public:
    explicit LessonReader(QString where) : m_where(std::move(where)) {}

    const QString &error() const { return m_error; }
    bool ok() const { return m_error.isEmpty(); }

    void fail(const QString &key, const QString &expected)
    {
        if (m_error.isEmpty())
            m_error = Tr::tr("%1: \"%2\" %3").arg(m_where, key, expected);
    }

    LessonText text(const QJsonObject &object, const QString &key, bool required = true)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() && !required)
            return {};
        const QJsonObject texts = value.toObject();
        LessonText result{texts.value(QLatin1String("en")).toString(), texts.value(QLatin1String("zh_CN")).toString()};
        if (result.en.isEmpty() || result.zh.isEmpty())
            fail(key, Tr::tr("needs an \"en\" and a \"zh_CN\" text"));
        return result;
    }

    std::optional<LessonAction> action(const QJsonObject &object)
    {
        if (object.isEmpty())
            return std::nullopt;
        static const QMap<QString, LessonAction::Kind> kinds{
            {QStringLiteral("config"), LessonAction::Kind::Config}, {QStringLiteral("train"), LessonAction::Kind::Train},
            {QStringLiteral("step"), LessonAction::Kind::Step},     {QStringLiteral("reset"), LessonAction::Kind::Reset},
            {QStringLiteral("page"), LessonAction::Kind::Page},     {QStringLiteral("log_scale"), LessonAction::Kind::LogScale},
            {QStringLiteral("tool"), LessonAction::Kind::Tool}};
        const QString kind = object.value(QLatin1String("kind")).toString(QStringLiteral("config"));
        if (!kinds.contains(kind)) {
            fail(QStringLiteral("kind"), Tr::tr("is \"%1\"; expected one of %2").arg(kind, kinds.keys().join(QStringLiteral(", "))));
            return std::nullopt;
        }
        LessonAction a;
        a.kind = kinds.value(kind);
        if (object.contains(QLatin1String("lr")))
            a.learningRate = positive(object, QStringLiteral("lr"));
        if (object.contains(QLatin1String("lr_times_max_stable")))
            a.learningRateTimesMaxStable = positive(object, QStringLiteral("lr_times_max_stable"));
        const QJsonObject weights = object.value(QLatin1String("weights")).toObject();
        for (auto it = weights.begin(); it != weights.end(); ++it) {
            if (!it->isDouble())
                fail(QStringLiteral("weights.") + it.key(), Tr::tr("must be a number"));
            a.weights.insert(it.key(), it->toDouble());
        }
        const QJsonObject enabled = object.value(QLatin1String("enabled")).toObject();
        for (auto it = enabled.begin(); it != enabled.end(); ++it) {
            if (!it->isBool())
                fail(QStringLiteral("enabled.") + it.key(), Tr::tr("must be true or false"));
            a.enabled.insert(it.key(), it->toBool());
        }
        if (object.contains(QLatin1String("missing"))) {
            const QString name = object.value(QLatin1String("missing")).toString();
            a.missing = parseMissingPolicy(name);
            if (!a.missing)
                fail(QStringLiteral("missing"), Tr::tr("is \"%1\"; expected mean, indicator or leave-out").arg(name));
        }
        a.run = object.value(QLatin1String("run")).toBool(false);
        a.page = object.value(QLatin1String("page")).toString();
        if (a.kind == LessonAction::Kind::Page)
            page(a.page);
        a.logScale = object.value(QLatin1String("on")).toBool(true);
        return a;
    }

    void page(const QString &name)
    {
        static const QStringList pages{QStringLiteral("training"), QStringLiteral("dataset"), QStringLiteral("recommendations")};
        if (!pages.contains(name))
            fail(QStringLiteral("page"), Tr::tr("is \"%1\"; expected training, dataset or recommendations").arg(name));
    }

private:
    double positive(const QJsonObject &object, const QString &key)
    {
        const double value = object.value(key).toDouble(-1);
        if (!(value > 0) || !std::isfinite(value))
            fail(key, Tr::tr("must be a positive number"));
        return value;
    }

    QString m_where;
    QString m_error;
};

Result<Lesson> readLesson(const QJsonObject &object, int number)
{
    Lesson lesson;
    lesson.number = number;
    lesson.id = object.value(QLatin1String("id")).toString();
    LessonReader r(Tr::tr("lesson %1 (%2)").arg(number).arg(lesson.id));
    if (lesson.id.isEmpty())
        r.fail(QStringLiteral("id"), Tr::tr("is missing"));
    lesson.title = r.text(object, QStringLiteral("title"));
    lesson.summary = r.text(object, QStringLiteral("summary"));
    lesson.observe = r.text(object, QStringLiteral("observe"));

    const QJsonObject preset = object.value(QLatin1String("preset")).toObject();
    lesson.dataset = preset.value(QLatin1String("dataset")).toString();
    if (lesson.dataset.isEmpty())
        r.fail(QStringLiteral("preset.dataset"), Tr::tr("is missing"));
    lesson.page = preset.value(QLatin1String("page")).toString(QStringLiteral("training"));
    r.page(lesson.page);
    lesson.logScale = preset.value(QLatin1String("log_scale")).toBool(false);
    lesson.showLimit = preset.value(QLatin1String("show_limit")).toBool(false);
    if (preset.contains(QLatin1String("lr_times_max_stable"))) {
        const double factor = preset.value(QLatin1String("lr_times_max_stable")).toDouble(-1);
        if (!(factor > 0))
            r.fail(QStringLiteral("preset.lr_times_max_stable"), Tr::tr("must be a positive number"));
        lesson.learningRateTimesMaxStable = factor;
    }
    Result<RunConfig> config = runConfigFromJson(preset.value(QLatin1String("config")).toObject());
    if (!config)
        r.fail(QStringLiteral("preset.config"), config.error());
    else
        lesson.config = *config;

    const QJsonArray steps = object.value(QLatin1String("steps")).toArray();
    if (steps.isEmpty())
        r.fail(QStringLiteral("steps"), Tr::tr("needs at least one step"));
    for (const QJsonValue &value : steps) {
        const QJsonObject step = value.toObject();
        LessonStep s;
        s.text = r.text(step, QStringLiteral("text"));
        s.action = r.action(step.value(QLatin1String("action")).toObject());
        if (s.action)
            s.button = r.text(step, QStringLiteral("button"));
        lesson.steps.push_back(std::move(s));
    }

    const QJsonObject tool = object.value(QLatin1String("tool")).toObject();
    if (!tool.isEmpty()) {
        const QString kind = tool.value(QLatin1String("kind")).toString();
        if (kind == QLatin1String("compare")) {
            lesson.tool.kind = LessonTool::Kind::Compare;
            lesson.tool.user = tool.value(QLatin1String("user")).toString();
            lesson.tool.k = tool.value(QLatin1String("k")).toInt(10);
        } else if (kind == QLatin1String("table")) {
            lesson.tool.kind = LessonTool::Kind::Table;
            for (const QJsonValue &row : tool.value(QLatin1String("rows")).toArray()) {
                LessonRow lessonRow;
                lessonRow.label = r.text(row.toObject(), QStringLiteral("label"));
                if (std::optional<LessonAction> change = r.action(row.toObject().value(QLatin1String("change")).toObject()))
                    lessonRow.change = *change;
                lesson.tool.rows.push_back(std::move(lessonRow));
            }
            for (const QJsonValue &column : tool.value(QLatin1String("columns")).toArray()) {
                lesson.tool.columns.push_back({column.toObject().value(QLatin1String("key")).toString(),
                                               r.text(column.toObject(), QStringLiteral("title"))});
            }
            if (lesson.tool.rows.empty() || lesson.tool.columns.empty())
                r.fail(QStringLiteral("tool"), Tr::tr("needs \"rows\" and \"columns\""));
        } else {
            r.fail(QStringLiteral("tool.kind"), Tr::tr("is \"%1\"; expected compare or table").arg(kind));
        }
        lesson.tool.button = r.text(tool, QStringLiteral("button"));
        lesson.tool.hint = r.text(tool, QStringLiteral("hint"), false);
    }
    if (!r.ok())
        return makeError(r.error());
    return lesson;
}

} // namespace

bool lessonsInChinese()
{
    if (Language::instance())
        return Language::current().startsWith(QLatin1String("zh"));
    return QLocale().name().startsWith(QLatin1String("zh"));
}

QString LessonText::text() const
{
    return text(lessonsInChinese());
}

Result<std::vector<Lesson>> loadLessons(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Tr::tr("%1: cannot read the lessons: %2").arg(path, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(Tr::tr("%1: invalid JSON at byte %2: %3").arg(path).arg(parseError.offset).arg(parseError.errorString()));
    const QJsonArray array = document.object().value(QLatin1String("lessons")).toArray();
    if (array.isEmpty())
        return makeError(Tr::tr("%1: expected an object with a non-empty \"lessons\" list").arg(path));
    std::vector<Lesson> lessons;
    for (qsizetype i = 0; i < array.size(); ++i) {
        Result<Lesson> lesson = readLesson(array[i].toObject(), int(i) + 1);
        if (!lesson)
            return makeError(Tr::tr("%1: %2").arg(path, lesson.error()));
        lessons.push_back(std::move(lesson).value());
    }
    return lessons;
}

const std::vector<Lesson> &lessonCatalog()
{
    static const std::vector<Lesson> catalog = [] {
        Result<std::vector<Lesson>> loaded = loadLessons();
        if (!loaded) {
            qWarning("%s", qPrintable(loaded.error()));
            return std::vector<Lesson>();
        }
        return std::move(loaded).value();
    }();
    return catalog;
}

int lessonCount()
{
    return int(lessonCatalog().size());
}

Result<int> parseLessonArgument(const QString &value)
{
    bool ok = false;
    const int number = value.trimmed().toInt(&ok);
    if (!ok || number < 1 || number > lessonCount())
        return makeError(Tr::tr("--lesson %1: expected a lesson number from 1 to %2").arg(value).arg(lessonCount()));
    return number;
}

RunConfig applyLessonChange(RunConfig config, const LessonAction &change, double maxStableLearningRate)
{
    for (ModalityConfig &m : config.pipeline.modalities) {
        if (change.weights.contains(m.name))
            m.weight = change.weights.value(m.name);
        if (change.enabled.contains(m.name))
            m.enabled = change.enabled.value(m.name);
    }
    if (change.missing)
        config.pipeline.missing = *change.missing;
    if (change.learningRate)
        config.training.learningRate = *change.learningRate;
    if (change.learningRateTimesMaxStable && maxStableLearningRate > 0)
        config.training.learningRate = *change.learningRateTimesMaxStable * maxStableLearningRate;
    return config;
}

RunConfig lessonPresetConfig(const Lesson &lesson, const RunConfig &current, double maxStableLearningRate)
{
    RunConfig next = lesson.config;
    next.pipeline.modalities = current.pipeline.modalities;
    for (ModalityConfig &m : next.pipeline.modalities) {
        for (const ModalityConfig &given : lesson.config.pipeline.modalities) {
            if (given.name == m.name)
                m = given;
        }
    }
    next.pipeline.split.seed = next.training.seed;
    next.model.split.seed = next.training.seed;
    if (lesson.learningRateTimesMaxStable && maxStableLearningRate > 0)
        next.training.learningRate = *lesson.learningRateTimesMaxStable * maxStableLearningRate;
    return next;
}

std::vector<RunConfig> lessonTableConfigs(const Lesson &lesson, const RunConfig &preset)
{
    std::vector<RunConfig> configs;
    for (const LessonRow &row : lesson.tool.rows)
        configs.push_back(applyLessonChange(preset, row.change));
    return configs;
}

double lessonValue(const RunRecord &record, const QString &key)
{
    if (key == QLatin1String("train_rows"))
        return record.info.trainRows;
    if (key == QLatin1String("validation_rows"))
        return record.info.validationRows;
    if (key == QLatin1String("width"))
        return record.info.featureWidth;
    return record.summaryValues().value(key, std::numeric_limits<double>::quiet_NaN());
}

Result<double> maxStableLearningRate(FusionPipeline &pipeline, const RunConfig &config)
{
    Result<PreparedRun> prepared = prepareRun(pipeline, config);
    if (!prepared)
        return makeError(prepared.error());
    return prepared->info.maxStableLearningRate;
}

} // namespace fl
