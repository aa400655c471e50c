#include "RunHistoryModel.h"

#include "RunValues.h"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace fl {

namespace {

const QString kParamPrefix = QStringLiteral("param:");
const QString kMetricPrefix = QStringLiteral("metric:");

// The regression's values first, then ranking metrics (keys with "@K"), then anything else.
int keyGroup(const QString &key, int *rankInGroup)
{
    static const QStringList losses{QStringLiteral("train_loss"), QStringLiteral("val_loss"), QStringLiteral("floor"),
                                    QStringLiteral("val_floor"), QStringLiteral("rmse"), QStringLiteral("mae")};
    if (const qsizetype at = losses.indexOf(key); at >= 0) {
        *rankInGroup = int(at);
        return 0;
    }
    const MetricKey parts = parseMetricKey(key);
    if (parts.k >= 0) {
        *rankInGroup = metricFamilyRank(parts.family);
        return 1;
    }
    *rankInGroup = 0;
    return 2;
}

bool metricKeyLess(const QString &a, const QString &b)
{
    int rankA = 0, rankB = 0;
    const int groupA = keyGroup(a, &rankA);
    const int groupB = keyGroup(b, &rankB);
    if (groupA != groupB)
        return groupA < groupB;
    if (rankA != rankB)
        return rankA < rankB;
    if (groupA == 1) {
        const MetricKey pa = parseMetricKey(a);
        const MetricKey pb = parseMetricKey(b);
        if (pa.family != pb.family)
            return pa.family < pb.family;
        if (pa.cold != pb.cold)
            return !pa.cold;
        if (pa.k != pb.k)
            return pa.k < pb.k;
    }
    return a < b;
}

} // namespace

QString RunHistoryModel::statusTitle(const QString &status)
{
    if (status == QLatin1String("running"))
        return RunHistoryModel::tr("running");
    if (status == QLatin1String("completed"))
        return RunHistoryModel::tr("completed");
    if (status == QLatin1String("early stop"))
        return RunHistoryModel::tr("early stop");
    if (status == QLatin1String("stopped"))
        return RunHistoryModel::tr("stopped");
    if (status == QLatin1String("superseded"))
        return RunHistoryModel::tr("superseded");
    if (status == QLatin1String("diverged"))
        return RunHistoryModel::tr("diverged");
    if (status == QLatin1String("failed"))
        return RunHistoryModel::tr("failed");
    if (status == QLatin1String("cancelled"))
        return RunHistoryModel::tr("cancelled");
    return status;
}

namespace {

QString durationText(double seconds)
{
    const QLocale locale;
    if (!std::isfinite(seconds) || seconds < 0)
        return QStringLiteral("—");
    if (seconds < 1)   // the regression trains in milliseconds: "0.00 s" would say nothing
        return RunHistoryModel::tr("%1 ms").arg(locale.toString(seconds * 1000, 'f', seconds < 0.01 ? 2 : 0));
    if (seconds < 10)
        return RunHistoryModel::tr("%1 s").arg(locale.toString(seconds, 'f', 2));
    if (seconds < 60)
        return RunHistoryModel::tr("%1 s").arg(locale.toString(seconds, 'f', 1));
    const qint64 whole = qint64(std::llround(seconds));
    if (whole < 3600)
        return RunHistoryModel::tr("%1 min %2 s").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
    return RunHistoryModel::tr("%1 h %2 min").arg(whole / 3600).arg((whole % 3600) / 60, 2, 10, QLatin1Char('0'));
}

// A parameter's value as a number when it is one, so "1e-3" sorts below "0.01"; "—" (the parameter
// does not apply to the run) as a missing number, so it sorts last. Values are written in the C locale.
QVariant parameterSortValue(const QString &text)
{
    if (text == QStringLiteral("—"))
        return std::nan("");
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok ? QVariant(value) : QVariant(text);
}

bool isNumber(const QVariant &v)
{
    return v.typeId() == QMetaType::Double;
}

} // namespace

RunHistoryModel::RunHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QStringList RunHistoryModel::orderedMetricKeys(QStringList keys)
{
    std::sort(keys.begin(), keys.end(), metricKeyLess);
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

QString RunHistoryModel::metricTitle(const QString &key)
{
    if (key == QLatin1String("train_loss"))
        return tr("train loss");
    if (key == QLatin1String("val_loss"))
        return tr("validation loss");
    if (key == QLatin1String("floor"))
        return tr("floor");
    if (key == QLatin1String("val_floor"))
        return tr("validation floor");
    if (key == QLatin1String("rmse"))
        return tr("RMSE");
    if (key == QLatin1String("mae"))
        return tr("MAE");
    const MetricKey parts = parseMetricKey(key);
    if (parts.k < 0)
        return key;
    QString family = parts.family;
    if (family == QLatin1String("ndcg"))
        family = tr("NDCG");
    else if (family == QLatin1String("recall"))
        family = tr("recall");
    else if (family == QLatin1String("precision"))
        family = tr("precision");
    else if (family == QLatin1String("hit"))
        family = tr("hit rate");
    else if (family == QLatin1String("map"))
        family = tr("MAP");
    const QString plain = family + QLatin1Char('@') + QString::number(parts.k);
    return parts.cold ? tr("cold %1").arg(plain) : plain;
}

QString RunHistoryModel::formatValue(double value)
{
    return formatRunValue(value);
}

bool RunHistoryModel::lessThan(const QVariant &left, const QVariant &right, Qt::SortOrder order)
{
    const bool leftMissing = isNumber(left) && std::isnan(left.toDouble());
    const bool rightMissing = isNumber(right) && std::isnan(right.toDouble());
    if (leftMissing || rightMissing) {
        // The view reverses the order for a descending sort: a missing value is made "largest" when
        // ascending and "smallest" when descending, so it always ends up at the bottom.
        if (leftMissing && rightMissing)
            return false;
        return order == Qt::AscendingOrder ? rightMissing : leftMissing;
    }
    const bool leftNumber = isNumber(left);
    const bool rightNumber = isNumber(right);
    if (leftNumber && rightNumber)
        return left.toDouble() < right.toDouble();
    if (leftNumber != rightNumber)
        return leftNumber;
    return QString::localeAwareCompare(left.toString(), right.toString()) < 0;
}

RunHistoryModel::Columns RunHistoryModel::computeColumns(const std::vector<RunRecord> &records) const
{
    Columns columns;
    std::vector<const RunRecord *> pointers;
    pointers.reserve(records.size());
    for (const RunRecord &record : records)
        pointers.push_back(&record);
    columns.parameters = differingParameters(pointers);

    // A summary value gets a column when at least one run has it: a column of nothing but "—" would
    // say nothing.
    QSet<QString> present;
    for (const RunRecord &record : records) {
        const QMap<QString, double> values = record.summaryValues();
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            if (!std::isnan(it.value()))
                present.insert(it.key());
        }
    }
    columns.metrics = orderedMetricKeys(QStringList(present.cbegin(), present.cend()));
    return columns;
}

bool RunHistoryModel::sameKeys(const Columns &columns) const
{
    if (columns.metrics != m_metrics || columns.parameters.size() != m_parameters.size())
        return false;
    for (size_t i = 0; i < m_parameters.size(); ++i) {
        if (columns.parameters[i].key != m_parameters[i].key || columns.parameters[i].title != m_parameters[i].title)
            return false;
    }
    return true;
}

void RunHistoryModel::applyColumns(Columns columns)
{
    m_parameters = std::move(columns.parameters);
    m_metrics = std::move(columns.metrics);
}

void RunHistoryModel::addOrUpdate(const RunRecord &record)
{
    const int row = rowOf(record.id);
    std::vector<RunRecord> next = m_records;
    if (row >= 0)
        next[size_t(row)] = record;
    else
        next.push_back(record);
    Columns columns = computeColumns(next);
    if (!sameKeys(columns)) {
        beginResetModel();
        m_records = std::move(next);
        m_values.clear();
        for (const RunRecord &r : m_records)
            m_values.push_back(r.summaryValues());
        applyColumns(std::move(columns));
        endResetModel();
    } else if (row >= 0) {
        m_records = std::move(next);
        m_values[size_t(row)] = record.summaryValues();
        applyColumns(std::move(columns));
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    } else {
        const int at = int(m_records.size());
        beginInsertRows({}, at, at);
        m_records = std::move(next);
        m_values.push_back(record.summaryValues());
        applyColumns(std::move(columns));
        endInsertRows();
        if (at > 0 && columnCount() > FixedColumnCount)
            Q_EMIT dataChanged(index(0, FixedColumnCount), index(at - 1, columnCount() - 1));
    }
    Q_EMIT recordsEdited();
}

void RunHistoryModel::setRecords(std::vector<RunRecord> records)
{
    beginResetModel();
    m_records = std::move(records);
    m_values.clear();
    for (const RunRecord &r : m_records)
        m_values.push_back(r.summaryValues());
    applyColumns(computeColumns(m_records));
    endResetModel();
    Q_EMIT recordsEdited();
}

void RunHistoryModel::removeRecords(const QStringList &ids)
{
    std::vector<int> rows;
    for (const QString &id : ids) {
        const int row = rowOf(id);
        if (row >= 0)
            rows.push_back(row);
    }
    if (rows.empty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    std::vector<RunRecord> next;
    std::vector<QMap<QString, double>> nextValues;
    for (size_t i = 0; i < m_records.size(); ++i) {
        if (!std::binary_search(rows.begin(), rows.end(), int(i))) {
            next.push_back(m_records[i]);
            nextValues.push_back(m_values[i]);
        }
    }
    Columns columns = computeColumns(next);
    if (!sameKeys(columns) || rows.size() > 1) {
        beginResetModel();
        m_records = std::move(next);
        m_values = std::move(nextValues);
        applyColumns(std::move(columns));
        endResetModel();
    } else {
        beginRemoveRows({}, rows.front(), rows.front());
        m_records = std::move(next);
        m_values = std::move(nextValues);
        applyColumns(std::move(columns));
        endRemoveRows();
        if (rowCount() > 0 && columnCount() > FixedColumnCount)
            Q_EMIT dataChanged(index(0, FixedColumnCount), index(rowCount() - 1, columnCount() - 1));
    }
    Q_EMIT recordsEdited();
}

const RunRecord *RunHistoryModel::record(const QString &id) const
{
    const int row = rowOf(id);
    return row >= 0 ? &m_records[size_t(row)] : nullptr;
}

int RunHistoryModel::rowOf(const QString &id) const
{
    for (size_t i = 0; i < m_records.size(); ++i) {
        if (m_records[i].id == id)
            return int(i);
    }
    return -1;
}

bool RunHistoryModel::rename(const QString &id, const QString &name)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    const QString trimmed = name.trimmed();
    RunRecord &record = m_records[size_t(row)];
    if (record.name == trimmed)
        return true;
    record.name = trimmed;
    Q_EMIT dataChanged(index(row, NameColumn), index(row, NameColumn));
    Q_EMIT recordsEdited();
    return true;
}

bool RunHistoryModel::setStarred(const QString &id, bool starred)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    RunRecord &record = m_records[size_t(row)];
    if (record.starred == starred)
        return true;
    record.starred = starred;
    Q_EMIT dataChanged(index(row, StarColumn), index(row, StarColumn));
    Q_EMIT recordsEdited();
    return true;
}

int RunHistoryModel::parameterColumn(const QString &key) const
{
    for (size_t i = 0; i < m_parameters.size(); ++i) {
        if (m_parameters[i].key == key)
            return FixedColumnCount + int(i);
    }
    return -1;
}

int RunHistoryModel::metricColumn(const QString &key) const
{
    const qsizetype at = m_metrics.indexOf(key);
    return at < 0 ? -1 : FixedColumnCount + int(m_parameters.size()) + int(at);
}

int RunHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int RunHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FixedColumnCount + int(m_parameters.size()) + int(m_metrics.size());
}

QVariant RunHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const RunRecord &record = m_records[size_t(index.row())];
    if (role == IdRole)
        return record.id;
    const int column = index.column();
    if (column < FixedColumnCount)
        return fixedData(record, column, role);
    const int parameter = column - FixedColumnCount;
    if (parameter < int(m_parameters.size()))
        return parameterData(index.row(), m_parameters[size_t(parameter)], role);
    return metricData(index.row(), m_metrics[parameter - int(m_parameters.size())], role);
}

QVariant RunHistoryModel::fixedData(const RunRecord &record, int column, int role) const
{
    switch (column) {
    case StarColumn:
        if (role == Qt::CheckStateRole)
            return record.starred ? Qt::Checked : Qt::Unchecked;
        if (role == SortRole)
            return record.starred ? 1.0 : 0.0;
        if (role == Qt::ToolTipRole)
            return record.starred ? tr("Starred: asked about before it is deleted") : tr("Not starred");
        if (role == Qt::AccessibleTextRole)
            return record.starred ? tr("starred") : tr("not starred");
        return {};
    case NameColumn:
        if (role == Qt::DisplayRole)
            return record.name.isEmpty() ? record.label() : record.name;
        if (role == Qt::EditRole)
            return record.name.isEmpty() ? record.label() : record.name;
        if (role == SortRole)
            return record.name.isEmpty() ? record.label() : record.name;
        if (role == Qt::ToolTipRole) {
            QString tip = record.label();
            if (!record.name.isEmpty())
                tip = record.name + QLatin1Char('\n') + tip;
            return tip;
        }
        return {};
    case StatusColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return statusTitle(record.status);
        if (role == Qt::ToolTipRole && !record.message.isEmpty())
            return record.message;
        if (role == Qt::ForegroundRole
            && (record.status == QLatin1String("diverged") || record.status == QLatin1String("failed")))
            return QBrush(QColor(180, 40, 0));
        return {};
    case StartedColumn:
        if (role == Qt::DisplayRole)
            return record.started.isValid() ? QLocale().toString(record.started.toLocalTime(), QLocale::ShortFormat)
                                            : QStringLiteral("—");
        if (role == SortRole)
            return record.started.isValid() ? double(record.started.toMSecsSinceEpoch()) : std::nan("");
        if (role == Qt::ToolTipRole && record.started.isValid())
            return QLocale().toString(record.started.toLocalTime(), QLocale::LongFormat);
        return {};
    case DurationColumn:
        if (role == Qt::DisplayRole)
            return durationText(record.seconds);
        if (role == SortRole)
            return record.seconds;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::ToolTipRole)
            return tr("Training %1, preparation %2").arg(durationText(record.seconds), durationText(record.prepareSeconds));
        return {};
    default:
        return {};
    }
}

QVariant RunHistoryModel::parameterData(int row, const ParameterColumn &column, int role) const
{
    const QString text = size_t(row) < size_t(column.values.size()) ? column.values[row] : QString();
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return text;
    if (role == SortRole)
        return parameterSortValue(text);
    return {};
}

QVariant RunHistoryModel::metricData(int row, const QString &key, int role) const
{
    const QMap<QString, double> &values = m_values[size_t(row)];
    const double value = values.value(key, std::nan(""));
    switch (role) {
    case Qt::DisplayRole:
        return formatValue(value);
    case SortRole:
        return value;
    case Qt::TextAlignmentRole:
        return int(std::isnan(value) ? Qt::AlignHCenter | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (std::isnan(value))
            return tr("%1 cannot be computed for this run").arg(metricTitle(key));
        return QStringLiteral("%1 = %2").arg(metricTitle(key), QLocale().toString(value, 'g', 10));
    case Qt::ForegroundRole:
        if (std::isnan(value))
            return QBrush(QColor(130, 130, 130));
        return {};
    default:
        return {};
    }
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section < FixedColumnCount) {
        static const char *const keys[] = {"star", "name", "status", "started", "duration"};
        if (role == KeyRole)
            return QString::fromLatin1(keys[section]);
        if (role == Qt::DisplayRole) {
            switch (section) {
            case StarColumn: return QStringLiteral("★");
            case NameColumn: return tr("Name");
            case StatusColumn: return tr("Status");
            case StartedColumn: return tr("Started");
            case DurationColumn: return tr("Duration");
            default: return {};
            }
        }
        if (role == Qt::ToolTipRole && section == StarColumn)
            return tr("Starred runs are asked about before they are deleted");
        if (role == Qt::ToolTipRole && section == NameColumn)
            return tr("Double-click or press F2 to rename");
        return {};
    }
    const int parameter = section - FixedColumnCount;
    if (parameter < int(m_parameters.size())) {
        const ParameterColumn &column = m_parameters[size_t(parameter)];
        if (role == KeyRole)
            return kParamPrefix + column.key;
        if (role == Qt::DisplayRole)
            return column.title;
        if (role == Qt::ToolTipRole)
            return tr("Parameter %1: it differs between the runs").arg(column.title);
        return {};
    }
    const QString &key = m_metrics[parameter - int(m_parameters.size())];
    if (role == KeyRole)
        return kMetricPrefix + key;
    if (role == Qt::DisplayRole)
        return metricTitle(key);
    if (role == Qt::ToolTipRole) {
        if (key == QLatin1String("floor"))
            return tr("The closed-form optimum of the train loss, where the model has one");
        if (key == QLatin1String("val_floor"))
            return tr("The validation loss at the closed-form optimum, where the model has one");
        if (parseMetricKey(key).k >= 0)
            return tr("%1 on the test users at the best epoch").arg(metricTitle(key));
        return metricTitle(key);
    }
    return {};
}

Qt::ItemFlags RunHistoryModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return flags;
    if (index.column() == StarColumn)
        flags |= Qt::ItemIsUserCheckable;
    if (index.column() == NameColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool RunHistoryModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.row() >= rowCount())
        return false;
    const QString id = m_records[size_t(index.row())].id;
    if (index.column() == StarColumn && role == Qt::CheckStateRole)
        return setStarred(id, value.toInt() == Qt::Checked);
    if (index.column() == NameColumn && role == Qt::EditRole) {
        // Typing the label that is already shown back leaves the run unnamed.
        QString name = value.toString().trimmed();
        const RunRecord &record = m_records[size_t(index.row())];
        if (record.name.isEmpty() && name == record.label())
            name.clear();
        return rename(id, name);
    }
    return false;
}

} // namespace fl
