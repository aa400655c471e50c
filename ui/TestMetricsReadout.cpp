#include "TestMetricsReadout.h"

#include "ChartAxes.h"
#include "Fonts.h"
#include "RunValues.h"

#include <QEvent>
#include <QLocale>
#include <QTextDocument>

#include <algorithm>
#include <limits>

namespace fl {

TestMetricsReadout::TestMetricsReadout(QWidget *figure)
    : QLabel(figure)
    , m_figure(figure)
{
    setWordWrap(true);
    setAlignment(Qt::AlignCenter);
    setFont(sizedFont(figure->font(), 12));
    setContentsMargins(8, 0, 8, 6);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    makeChartLabel(this);
    hide();
    figure->installEventFilter(this);
}

TestMetricsReadout::Shown TestMetricsReadout::shownOf(const Results &results, const QString &key)
{
    Shown shown;
    if (results.metrics.isEmpty())
        return shown;
    QStringList keys = results.metrics.keys();
    std::sort(keys.begin(), keys.end(), chartKeyLess);
    int k = parseMetricKey(key).k;
    if (std::none_of(keys.cbegin(), keys.cend(), [k](const QString &t) { return parseMetricKey(t).k == k; })) {
        k = std::numeric_limits<int>::max();
        for (const QString &testKey : std::as_const(keys))
            k = std::min(k, parseMetricKey(testKey).k);
    }
    for (const QString &testKey : std::as_const(keys)) {
        const MetricKey parts = parseMetricKey(testKey);
        if (parts.k != k)
            continue;
        (parts.cold ? shown.cold : shown.warm).append(parts.cold ? MetricKey{parts.family, parts.k}.name() : testKey);
    }
    shown.title = results.bestEpoch > 0 ? tr("Test at epoch %1").arg(QLocale().toString(results.bestEpoch))
                                        : tr("Test with the final parameters");
    return shown;
}

QString TestMetricsReadout::textOf(const Results &results, const QString &key)
{
    const Shown shown = shownOf(results, key);
    if (shown.title.isEmpty())
        return QString();
    auto items = [&results](const QStringList &keys, bool cold) {
        QStringList out;
        for (const QString &k : keys)
            out.append(tr("%1 %2").arg(k, formatMetricValue(results.metrics.value(cold ? coldMetricName(k) : k))));
        return out.join(QStringLiteral(" · "));
    };
    QString text = tr("%1: %2").arg(shown.title, items(shown.warm, false));
    if (!shown.cold.isEmpty())
        text += QLatin1Char('\n') + tr("Cold-start items: %1").arg(items(shown.cold, true));
    return text;
}

QString TestMetricsReadout::tableOf(const Results &results, const QString &key)
{
    const Shown shown = shownOf(results, key);
    if (shown.title.isEmpty())
        return QString();
    QStringList columns = shown.warm;
    for (const QString &k : shown.cold) {
        if (!columns.contains(k))
            columns.append(k);
    }
    std::sort(columns.begin(), columns.end(), chartKeyLess);
    auto row = [&](const QString &title, bool cold) {
        QString html = QStringLiteral("<tr><td>%1</td>").arg(title.toHtmlEscaped());
        for (const QString &k : std::as_const(columns)) {
            const auto it = results.metrics.constFind(cold ? coldMetricName(k) : k);
            html += QStringLiteral("<td align=\"right\">&nbsp;&nbsp;%1</td>")
                        .arg(it == results.metrics.cend() ? QStringLiteral("—") : formatMetricValue(it.value()));
        }
        return html + QStringLiteral("</tr>");
    };
    QString html = QStringLiteral("<table align=\"center\" cellspacing=\"0\" cellpadding=\"1\"><tr><td></td>");
    for (const QString &k : std::as_const(columns))
        html += QStringLiteral("<td align=\"right\">&nbsp;&nbsp;<b>%1</b></td>").arg(k.toHtmlEscaped());
    html += QStringLiteral("</tr>") + row(shown.title, false);
    if (!shown.cold.isEmpty())
        html += row(tr("Cold-start items"), true);
    return html + QStringLiteral("</table>");
}

// "Test at epoch 17: ndcg@10 0.1120 · cold 0.0400": the drawn metric alone (all are in the tooltip).
QString TestMetricsReadout::lineOf(const Results &results, const QString &key)
{
    const Shown shown = shownOf(results, key);
    if (shown.title.isEmpty() || shown.warm.isEmpty())
        return QString();
    const QString drawn = shown.warm.contains(key) ? key : shown.warm.front();
    QString text = tr("%1: %2 %3").arg(shown.title, drawn, formatMetricValue(results.metrics.value(drawn)));
    if (shown.cold.contains(drawn))
        text += tr(" · cold %1").arg(formatMetricValue(results.metrics.value(coldMetricName(drawn))));
    return text;
}

QString TestMetricsReadout::toolTipOf(const Results &results)
{
    if (results.metrics.isEmpty())
        return QString();
    QStringList keys = results.metrics.keys();
    std::sort(keys.begin(), keys.end(), chartKeyLess);
    QStringList lines{tr("Test metrics of run %1:").arg(results.runName)};
    for (const QString &testKey : std::as_const(keys))
        lines.append(tr("%1: %2").arg(metricKeyTitle(testKey), formatMetricValue(results.metrics.value(testKey))));
    return lines.join(QLatin1Char('\n'));
}

void TestMetricsReadout::setResults(const Results &results, const QString &key, const QString &note)
{
    QString text = textOf(results, key);
    if (text.isEmpty())
        text = note;
    const QString table = tableOf(results, key);
    const QString line = lineOf(results, key);
    setToolTip(toolTipOf(results));
    if (text == m_text && table == m_table && line == m_line)
        return;
    m_text = text;
    m_table = table;
    m_line = line;
    fit();
}

// The table when it fits the figure's width, else the drawn metric's line.
void TestMetricsReadout::fit()
{
    bool table = !m_table.isEmpty();
    if (table) {
        QTextDocument document;
        document.setDefaultFont(font());
        document.setHtml(m_table);
        const QMargins margins = contentsMargins();
        table = document.idealWidth() + margins.left() + margins.right() + 8 <= m_figure->width();
    }
    const QString shown = table ? m_table : m_line.isEmpty() ? m_text : m_line;
    setTextFormat(table ? Qt::RichText : Qt::PlainText);
    if (this->text() != shown)
        setText(shown);
    setVisible(!shown.isEmpty());
}

bool TestMetricsReadout::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_figure && event->type() == QEvent::Resize)
        fit();
    return QLabel::eventFilter(watched, event);
}

} // namespace fl
