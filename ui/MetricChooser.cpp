#include "MetricChooser.h"

#include "Fonts.h"
#include "RunValues.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>

#include <algorithm>

namespace fl {

namespace {

QString familyTitle(const QString &family)
{
    if (family == QLatin1String("ndcg"))
        return MetricChooser::tr("NDCG");
    if (family == QLatin1String("recall"))
        return MetricChooser::tr("Recall");
    if (family == QLatin1String("precision"))
        return MetricChooser::tr("Precision");
    if (family == QLatin1String("hit"))
        return MetricChooser::tr("Hit rate");
    if (family == QLatin1String("map"))
        return MetricChooser::tr("MAP");
    return family;
}

QString familyKey(const QString &family, int k)
{
    return k < 0 ? family : family + QLatin1Char('@') + QString::number(k);
}

} // namespace

MetricChooser::MetricChooser(QWidget *parent)
    : QWidget(parent)
{
    const QFont labelFont = sizedFont(font(), 12);
    m_layout = new QGridLayout(this);
    m_layout->setContentsMargins(8, 4, 8, 4);
    // A label and its combo box.
    auto labelled = [this, &labelFont](const QString &text, const QString &accessibleName, QLabel **label) {
        *label = new QLabel(text, this);
        (*label)->setFont(labelFont);
        auto *box = new QComboBox(this);
        box->setFont(labelFont);
        box->setAccessibleName(accessibleName);
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        (*label)->setBuddy(box);
        return box;
    };
    QLabel *familyLabel = nullptr;
    m_familyBox = labelled(tr("&Metric:"), tr("Metric"), &familyLabel);
    m_cutoffBox = labelled(tr("at &K ="), tr("Cut-off K"), &m_atLabel);
    m_layout->addWidget(familyLabel, 0, 0);
    m_layout->addWidget(m_familyBox, 0, 1);
    m_layout->addWidget(m_atLabel, 0, 2);
    m_layout->addWidget(m_cutoffBox, 0, 3);
    m_layout->setColumnStretch(4, 1);
    // Its width is the two-row layout's (wrap()): one row when there is room.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);

    connect(m_familyBox, &QComboBox::activated, this, [this] {
        fillCutoffs(m_familyBox->currentData().toString(), parseMetricKey(m_shown).k);   // K stays
        edited();
    });
    connect(m_cutoffBox, &QComboBox::activated, this, [this] { edited(); });
}

QString MetricChooser::offer(const QStringList &keys, const QString &monitor)
{
    m_keys = keys;
    QStringList plain;
    for (const QString &candidate : keys) {
        if (!parseMetricKey(candidate).cold)
            plain.append(candidate);
    }
    QString next;
    if (!plain.isEmpty()) {
        if (plain.contains(m_chosen)) {
            next = m_chosen;
        } else {
            const QString chosenFamily = m_chosen.isEmpty() ? QString() : parseMetricKey(m_chosen).family;
            for (const QString &candidate : std::as_const(plain)) {
                if (!chosenFamily.isEmpty() && parseMetricKey(candidate).family == chosenFamily) {
                    next = candidate;
                    break;
                }
            }
            if (next.isEmpty() && plain.contains(monitor))
                next = monitor;
            if (next.isEmpty() && plain.contains(QStringLiteral("ndcg@10")))
                next = QStringLiteral("ndcg@10");
            if (next.isEmpty())
                next = plain.front();
        }
    }

    {
        const QSignalBlocker blocker(m_familyBox);
        m_familyBox->clear();
        QStringList families;
        for (const QString &candidate : std::as_const(plain)) {
            const QString family = parseMetricKey(candidate).family;
            if (!families.contains(family)) {
                families.append(family);
                m_familyBox->addItem(familyTitle(family), family);
            }
        }
        const MetricKey parts = parseMetricKey(next);
        m_familyBox->setCurrentIndex(std::max(0, m_familyBox->findData(parts.family)));
        m_familyBox->setEnabled(m_familyBox->count() > 1);
        fillCutoffs(parts.family, parts.k);
    }
    m_shown = next;
    return next;
}

bool MetricChooser::choose(const QString &key)
{
    if (parseMetricKey(key).cold || !m_keys.contains(key))
        return false;
    m_chosen = key;
    return true;
}

void MetricChooser::fillCutoffs(const QString &family, int preferredK)
{
    const QSignalBlocker blocker(m_cutoffBox);
    m_cutoffBox->clear();
    for (const QString &candidate : std::as_const(m_keys)) {
        const MetricKey parts = parseMetricKey(candidate);
        if (!parts.cold && parts.family == family && parts.k >= 0)
            m_cutoffBox->addItem(QLocale().toString(parts.k), parts.k);
    }
    const int at = m_cutoffBox->findData(preferredK);
    m_cutoffBox->setCurrentIndex(at >= 0 ? at : 0);
    m_cutoffBox->setEnabled(m_cutoffBox->count() > 1);
}

void MetricChooser::edited()
{
    const QString family = m_familyBox->currentData().toString();
    const int k = m_cutoffBox->count() > 0 ? m_cutoffBox->currentData().toInt() : -1;
    const QString next = familyKey(family, k);
    if (!m_keys.contains(next))
        return;
    m_chosen = next;
    m_shown = next;
    Q_EMIT keyChosen(next);
}

bool MetricChooser::event(QEvent *event)
{
    if (event->type() == QEvent::Resize || event->type() == QEvent::LayoutRequest)
        wrap();
    return QWidget::event(event);
}

void MetricChooser::wrap()
{
    const QMargins margins = m_layout->contentsMargins();
    const int spacing = std::max(0, m_layout->horizontalSpacing());
    const int family = m_layout->itemAtPosition(0, 0)->widget()->sizeHint().width() + m_familyBox->sizeHint().width();
    const int cutoff = m_atLabel->sizeHint().width() + m_cutoffBox->sizeHint().width();
    const int twoRows = margins.left() + margins.right() + spacing + std::max(family, cutoff);
    if (minimumWidth() != twoRows)
        setMinimumWidth(twoRows);
    const bool wrapped = width() < margins.left() + margins.right() + 3 * spacing + family + cutoff;
    if (wrapped == m_wrapped)
        return;
    m_wrapped = wrapped;
    m_layout->removeWidget(m_atLabel);
    m_layout->removeWidget(m_cutoffBox);
    m_layout->addWidget(m_atLabel, wrapped ? 1 : 0, wrapped ? 0 : 2, wrapped ? Qt::AlignRight : Qt::Alignment());
    m_layout->addWidget(m_cutoffBox, wrapped ? 1 : 0, wrapped ? 1 : 3, wrapped ? Qt::AlignLeft : Qt::Alignment());
}

} // namespace fl
