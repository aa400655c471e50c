#pragma once

// The runs of the Runs page as a table: it owns the RunRecords and shows one row per run with a star,
// the name (editable), status, start time and duration, then a column for each parameter that differs
// between the runs (differingParameters) and one for each summary value any run has (losses, floor,
// RMSE, MAE, ranking metrics). Values that cannot be computed show "—", never 0. Numeric columns sort
// as numbers through SortRole (use RunHistoryModel::lessThan in a proxy so that "—" sorts last both
// ways). Rows stay in the order runs were added; sorting is the proxy's job.

#include "engine/training/RunRecord.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace fl {

class RunHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { StarColumn, NameColumn, StatusColumn, StartedColumn, DurationColumn, FixedColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,  // the run's id, on every cell
        SortRole,                   // double for numeric cells (NaN when missing), else text
        KeyRole,                    // headerData: "star" … "duration", "param:KEY", "metric:KEY"
    };

    explicit RunHistoryModel(QObject *parent = nullptr);

    // Adds the record, or replaces the one with its id (a run that was still running has ended).
    void addOrUpdate(const RunRecord &record);
    void setRecords(std::vector<RunRecord> records);
    // Removes the runs with these ids; unknown ids are ignored.
    void removeRecords(const QStringList &ids);
    const std::vector<RunRecord> &records() const { return m_records; }
    // The record with this id, or null. Valid until the model next changes.
    const RunRecord *record(const QString &id) const;
    int rowOf(const QString &id) const;  // -1 when absent
    // An empty name makes the row show the record's label() again. False for an unknown id.
    bool rename(const QString &id, const QString &name);
    bool setStarred(const QString &id, bool starred);

    // The columns after the fixed ones: the differing parameters, then the summary keys in display order.
    const std::vector<ParameterColumn> &parameterColumns() const { return m_parameters; }
    const QStringList &metricKeys() const { return m_metrics; }
    int parameterColumn(const QString &key) const;  // -1 when that parameter has no column
    int metricColumn(const QString &key) const;     // -1 when that value has no column

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // The order of SortRole values for a proxy's lessThan(): numbers before text, numbers ascending,
    // and a missing number (NaN) after every other value whichever way the column is sorted.
    static bool lessThan(const QVariant &left, const QVariant &right, Qt::SortOrder order);
    // Summary keys in display order: train_loss, val_loss, floor, val_floor, rmse, mae, then ranking metrics by
    // family (ndcg, recall, precision, hit, map, others by name), each as ndcg@10, ndcg@20,
    // cold_ndcg@10 …, then anything else by name.
    static QStringList orderedMetricKeys(QStringList keys);
    // A column or axis title for a summary key: "validation loss", "RMSE", "NDCG@10", "cold NDCG@10".
    static QString metricTitle(const QString &key);
    // A run's or a landscape cell's status ("completed", "diverged" …) in the window's language.
    static QString statusTitle(const QString &status);
    // A number with 4 significant digits in the user's locale; "—" for NaN.
    static QString formatValue(double value);

Q_SIGNALS:
    // Records, names or stars changed (not emitted for a change that changes nothing).
    void recordsEdited();

private:
    // Recomputes the parameter and metric columns of records; true when the columns' keys changed.
    struct Columns
    {
        std::vector<ParameterColumn> parameters;
        QStringList metrics;
    };
    Columns computeColumns(const std::vector<RunRecord> &records) const;
    bool sameKeys(const Columns &columns) const;
    void applyColumns(Columns columns);
    QVariant fixedData(const RunRecord &record, int column, int role) const;
    QVariant parameterData(int row, const ParameterColumn &column, int role) const;
    QVariant metricData(int row, const QString &key, int role) const;

    std::vector<RunRecord> m_records;
    std::vector<QMap<QString, double>> m_values;  // summaryValues() per row
    std::vector<ParameterColumn> m_parameters;
    QStringList m_metrics;
};

} // namespace fl
