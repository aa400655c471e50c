// The Chinese catalogue against the sources: Qt's lupdate extracts every message of engine/, ui/ and
// app/ into a fresh .ts, and the committed resources/translations/fusionlab_zh_CN.ts must hold each
// one with a finished translation that keeps its placeholders. The last check fails, listing what is
// missing, until the translators are done (ctest label "translations"); run one function alone with
// `test_translations committedCatalogueIsUpToDate`.

#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;                // the translation's type attribute: "", "unfinished", "vanished", "obsolete"
    QStringList translations;    // one, or one per numerus form
    QString location;            // file:line of its first use, for messages
};

QString keyOf(const Message &m)
{
    return m.context + QChar(0x1F) + m.source + QChar(0x1F) + m.comment;
}

// The messages of a Qt Linguist file, by context, source and comment; empty with `error` set when the
// file cannot be read.
QMap<QString, Message> readTs(const QString &path, QString *error)
{
    QMap<QString, Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("context")) {
            context.clear();
        } else if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            Message m;
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("source")) {
                    m.source = xml.readElementText();
                } else if (xml.name() == QLatin1String("comment")) {
                    m.comment = xml.readElementText();
                } else if (xml.name() == QLatin1String("location")) {
                    if (m.location.isEmpty()) {
                        m.location = QStringLiteral("%1:%2").arg(xml.attributes().value(QLatin1String("filename")),
                                                                 xml.attributes().value(QLatin1String("line")));
                    }
                    xml.skipCurrentElement();
                } else if (xml.name() == QLatin1String("translation")) {
                    m.type = xml.attributes().value(QLatin1String("type")).toString();
                    if (m.numerus) {
                        while (xml.readNextStartElement()) {
                            if (xml.name() == QLatin1String("numerusform"))
                                m.translations << xml.readElementText();
                            else
                                xml.skipCurrentElement();
                        }
                    } else {
                        m.translations << xml.readElementText();
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            messages.insert(keyOf(m), m);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

// The placeholders a text fills with arg() or a plural's number: a translation must keep each.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(L?[1-9][0-9]?|n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found << it.next().captured(1);
    found.sort();
    found.removeDuplicates();
    return found;
}

QString shown(const Message &m)
{
    return QStringLiteral("  %1 \"%2\" (%3)").arg(m.context, m.source.left(80), m.location);
}

} // namespace

class TranslationsTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_lupdateOutput;
    QMap<QString, Message> m_fresh;       // what the sources say today
    QMap<QString, Message> m_committed;   // resources/translations/fusionlab_zh_CN.ts

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString fresh = m_dir.filePath(QStringLiteral("fresh_zh_CN.ts"));
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(FUSIONLAB_SOURCE_DIR));
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(FUSIONLAB_LUPDATE),
                      // -I .: the sources include engine headers by their full path ("engine/data/Dataset.h"),
                      // and lupdate reads a class's namespace from its header.
                      {QStringLiteral("-no-obsolete"), QStringLiteral("-I"), QStringLiteral("."), QStringLiteral("engine"),
                       QStringLiteral("ui"), QStringLiteral("app"),
                       QStringLiteral("-ts"), fresh});
        QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
        m_lupdateOutput = QString::fromLocal8Bit(lupdate.readAll());
        QVERIFY2(lupdate.exitCode() == 0, qPrintable(m_lupdateOutput));
        QString error;
        m_fresh = readTs(fresh, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_committed = readTs(QStringLiteral(FUSIONLAB_SOURCE_DIR "/resources/translations/fusionlab_zh_CN.ts"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void lupdateSeesEveryMessage()
    {
        // A tr() that lupdate cannot attribute (outside a class with Q_OBJECT or Q_DECLARE_TR_FUNCTIONS)
        // lands in a context that nothing translates with at run time.
        QStringList warnings;
        for (const QString &line : m_lupdateOutput.split(QLatin1Char('\n'))) {
            if (line.contains(QLatin1String("lacks Q_OBJECT")) || line.contains(QLatin1String("Cannot invoke tr()"))
                || line.contains(QLatin1String("Unbalanced")) || line.contains(QLatin1String("Unterminated")))
                warnings << line;
        }
        QVERIFY2(warnings.isEmpty(), qPrintable(QStringLiteral("lupdate cannot place these messages:\n") + warnings.join(QLatin1Char('\n'))));
        QStringList strayContexts;
        for (const Message &m : std::as_const(m_fresh)) {
            if (!m.context.startsWith(QLatin1String("fl::")) && m.context != QLatin1String("main") && !strayContexts.contains(m.context))
                strayContexts << m.context;
        }
        QVERIFY2(strayContexts.isEmpty(), qPrintable(QStringLiteral("contexts no class translates with: ") + strayContexts.join(QStringLiteral(", "))));
        // Messages of the engine (non-QObject files), the window and the application's main are all found.
        QVERIFY(m_fresh.size() > 1000);
        QVERIFY(m_fresh.contains(keyOf({QStringLiteral("fl::MainWindow"), QStringLiteral("&File"), {}, false, {}, {}, {}})));
        QVERIFY(m_fresh.contains(keyOf({QStringLiteral("fl::Fusion"), QStringLiteral("Fusion needs at least one modality; all are switched off."), {}, false, {}, {}, {}})));
        QVERIFY(m_fresh.contains(keyOf({QStringLiteral("main"), QStringLiteral("Could not open the experiment"), {}, false, {}, {}, {}})));
    }

    void committedCatalogueIsUpToDate()
    {
        // Refresh with: cmake --build BUILD --target update_translations
        QStringList missing;
        int stale = 0;
        for (const Message &m : std::as_const(m_fresh)) {
            if (!m_committed.contains(keyOf(m)))
                missing << shown(m);
        }
        for (const Message &m : std::as_const(m_committed)) {
            if (!m_fresh.contains(keyOf(m)))
                ++stale;
        }
        if (stale > 0)
            qWarning("%d messages of the catalogue are no longer in the sources", stale);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 messages of the sources are not in fusionlab_zh_CN.ts "
                                                             "(cmake --build BUILD --target update_translations):\n%2")
                                                  .arg(missing.size())
                                                  .arg(missing.mid(0, 30).join(QLatin1Char('\n')))));
    }

    void catalogueIsEmbedded()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral("fusionlab_zh_CN"), QStringLiteral(":/i18n")));
    }

    void everyMessageTranslated()
    {
        QStringList unfinished;
        QStringList badPlaceholders;
        QMap<QString, int> unfinishedByContext;
        for (const Message &fresh : std::as_const(m_fresh)) {
            const auto committed = m_committed.constFind(keyOf(fresh));
            const bool finished = committed != m_committed.cend() && committed->type.isEmpty() && !committed->translations.isEmpty()
                && std::none_of(committed->translations.cbegin(), committed->translations.cend(),
                                [](const QString &t) { return t.trimmed().isEmpty(); });
            if (!finished) {
                unfinished << shown(fresh);
                ++unfinishedByContext[fresh.context];
                continue;
            }
            for (const QString &translation : committed->translations) {
                const QStringList expected = placeholders(fresh.source);
                const QStringList found = placeholders(translation);
                if (expected != found) {
                    badPlaceholders << QStringLiteral("%1 → \"%2\" (has %3, needs %4)")
                                           .arg(shown(fresh), translation, found.join(QLatin1Char(' ')), expected.join(QLatin1Char(' ')));
                }
            }
        }
        QStringList byContext;
        for (auto it = unfinishedByContext.cbegin(); it != unfinishedByContext.cend(); ++it)
            byContext << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
        QVERIFY2(badPlaceholders.isEmpty(), qPrintable(QStringLiteral("translations that lose or add placeholders:\n")
                                                      + badPlaceholders.mid(0, 30).join(QLatin1Char('\n'))));
        QVERIFY2(unfinished.isEmpty(), qPrintable(QStringLiteral("%1 of %2 messages have no finished Chinese translation "
                                                                "(by context: %3); the first:\n%4")
                                                     .arg(unfinished.size())
                                                     .arg(m_fresh.size())
                                                     .arg(byContext.join(QStringLiteral(", ")), unfinished.mid(0, 30).join(QLatin1Char('\n')))));
    }
};

QTEST_GUILESS_MAIN(TranslationsTest)
#include "test_translations.moc"
