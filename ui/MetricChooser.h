#pragma once

// The metric chooser above the metrics chart: a family ("NDCG", "Recall", …) and a cut-off K, offered
// from the keys the runs brought (ndcg@10, recall@20, …; cold_ keys are drawn with their metric, not
// chosen). The user's choice is kept for later runs. In a narrow view (a lesson beside it on a
// projector) "at K =" and its box move under the family, so that the chooser does not hold the chart
// wider than the window can give.

#include <QStringList>
#include <QWidget>

class QComboBox;
class QGridLayout;
class QLabel;

namespace fl {

class MetricChooser : public QWidget
{
    Q_OBJECT

public:
    explicit MetricChooser(QWidget *parent = nullptr);

    // Offers keys and returns the key to draw, which the boxes then show: the user's choice when
    // offered, else a key of its family, else monitor, else ndcg@10, else the first plain key; empty
    // when there is none.
    QString offer(const QStringList &keys, const QString &monitor);
    const QStringList &keys() const { return m_keys; }   // as last offered
    // Takes key as the user's choice, for this offer and later ones; false, changing nothing, for a
    // key not offered or a cold_ one.
    bool choose(const QString &key);

Q_SIGNALS:
    // The user picked key in the boxes.
    void keyChosen(const QString &key);

protected:
    bool event(QEvent *event) override;

private:
    void fillCutoffs(const QString &family, int preferredK);
    void edited();
    void wrap();

    QGridLayout *m_layout = nullptr;
    QComboBox *m_familyBox = nullptr;
    QLabel *m_atLabel = nullptr;
    QComboBox *m_cutoffBox = nullptr;
    bool m_wrapped = false;   // "at K =" and its box on a second row
    QStringList m_keys;       // as last offered
    QString m_chosen;         // the user's choice
    QString m_shown;          // the key the boxes show
};

} // namespace fl
