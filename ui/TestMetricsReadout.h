#pragma once

// The read-out under the metrics chart: a finished run's test metrics at the drawn metric's K (at the
// smallest K the test has when it has none at that K). As a small table, a column per metric and a
// row each for the test and the cold-start items, when the figure is wide enough for it; else the
// drawn metric's values alone. Its tooltip lists every test metric at every K.

#include <QLabel>
#include <QMap>
#include <QString>

namespace fl {

class TestMetricsReadout : public QLabel
{
    Q_OBJECT

public:
    // What a run's test gave: its metrics (empty while it has not finished), taken at bestEpoch (0:
    // with the final parameters); runName names the run in the tooltip.
    struct Results
    {
        QMap<QString, double> metrics;
        int bestEpoch = 0;
        QString runName;
    };

    // A read-out in figure, fitted to the figure's width.
    explicit TestMetricsReadout(QWidget *figure);

    // Shows results for the drawn metric key, or note when there are none (hidden when that is empty).
    void setResults(const Results &results, const QString &key, const QString &note);

    // The read-out as text: "Test at epoch 17: ndcg@10 0.1120 · recall@10 0.0810", and when items were
    // held out a second line "Cold-start items: ndcg@10 0.0400 · recall@10 0.0310"; empty without
    // test metrics.
    static QString textOf(const Results &results, const QString &key);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The test metrics shown: the title ("Test at epoch 17"; empty: nothing to show), the plain keys
    // at the K shown in display order, and the cold-start ones without their prefix.
    struct Shown
    {
        QString title;
        QStringList warm;
        QStringList cold;
    };
    static Shown shownOf(const Results &results, const QString &key);
    static QString tableOf(const Results &results, const QString &key);
    static QString lineOf(const Results &results, const QString &key);
    static QString toolTipOf(const Results &results);
    void fit();

    QWidget *m_figure;
    QString m_text;    // as text, as a table, and as the drawn metric's line (for a narrow figure)
    QString m_table;
    QString m_line;
};

} // namespace fl
