// Installing FusionLab: the application icon reads at 16 px (a plate, a blue and an orange stream, a
// white node, each still there in its own colour); `cmake --install` of this build tree into a
// temporary prefix lays out the programs, the desktop entry, the icon, the catalogues, the demo and the
// licence where README "Installing" says; the desktop entry names the installed program and icon; the
// installed programs run and read the installed demo; and an installed fusionlab prefers the catalogue
// in share/fusionlab/translations to its embedded one, falling back to the embedded one.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QPixmap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <cstdlib>

namespace {

struct Run
{
    int exitCode = -1;   // −1 when it did not finish or crashed
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    Run result;
    if (!process.waitForFinished(240000) || process.exitStatus() != QProcess::NormalExit)
        return result;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The keys of a desktop entry's [Desktop Entry] group (the format is not INI enough for QSettings:
// lists end in ';', keys carry [locale]).
QMap<QString, QString> desktopEntry(const QString &path, QString *firstGroup)
{
    QMap<QString, QString> keys;
    QString group;
    const QList<QByteArray> lines = readBytes(path).split('\n');
    for (const QByteArray &raw : lines) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u'[')) {
            group = line;
            if (firstGroup->isEmpty())
                *firstGroup = group;
            continue;
        }
        const qsizetype equals = line.indexOf(u'=');
        if (group == QLatin1String("[Desktop Entry]") && equals > 0)
            keys.insert(line.left(equals).trimmed(), line.mid(equals + 1).trimmed());
    }
    return keys;
}

bool near(QRgb pixel, QRgb colour, int tolerance)
{
    return qAlpha(pixel) == 255
        && std::abs(qRed(pixel) - qRed(colour)) + std::abs(qGreen(pixel) - qGreen(colour)) + std::abs(qBlue(pixel) - qBlue(colour))
               <= tolerance;
}

const QString kDescription = QStringLiteral("A lab for cross-modal feature fusion in recommender systems.");

} // namespace

class TestInstall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_prefix.isValid());
        QVERIFY(m_home.isValid());
        const Run installed = run(QStringLiteral(FUSIONLAB_CMAKE),
                                  {QStringLiteral("--install"), QStringLiteral(FUSIONLAB_BINARY_DIR), QStringLiteral("--prefix"), m_prefix.path()});
        QVERIFY2(installed.exitCode == 0, installed.out + installed.err);
    }

    void iconReadsAtSmallSizes_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("16") << 16;
        QTest::newRow("32") << 32;
        QTest::newRow("48") << 48;
        QTest::newRow("128") << 128;
    }

    void iconReadsAtSmallSizes()
    {
        QFETCH(int, size);
        const QIcon icon(QStringLiteral(":/icons/fusionlab.svg"));
        QVERIFY(!icon.isNull());
        const QImage image = icon.pixmap(QSize(size, size), 1.0).toImage().convertToFormat(QImage::Format_ARGB32);
        QCOMPARE(image.size(), QSize(size, size));
        // The colours of resources/icons/fusionlab.svg: the plate, the two modalities, the fused node.
        const QList<QRgb> colours{qRgb(0x24, 0x36, 0x4b), qRgb(0x4a, 0x9a, 0xf5), qRgb(0xf5, 0x9b, 0x3c), qRgb(0xff, 0xff, 0xff)};
        QList<int> counts(colours.size(), 0);
        int opaque = 0;
        for (int y = 0; y < size; ++y) {
            for (int x = 0; x < size; ++x) {
                const QRgb pixel = image.pixel(x, y);
                opaque += qAlpha(pixel) == 255;
                for (qsizetype c = 0; c < colours.size(); ++c)
                    counts[c] += near(pixel, colours[c], 30);
            }
        }
        const int area = size * size;
        const QString shares = QStringLiteral("opaque %1, plate %2, blue %3, orange %4, white %5 of %6 pixels")
                                   .arg(opaque).arg(counts[0]).arg(counts[1]).arg(counts[2]).arg(counts[3]).arg(area);
        // The rounded plate fills the square but its corners; each shape keeps a core of its own
        // colour, at 16 px too (each stream is 3 px wide there, the node 6 px).
        QVERIFY2(opaque >= area * 4 / 5, qPrintable(shares));
        QVERIFY2(counts[0] >= area / 3, qPrintable(shares));
        for (qsizetype c = 1; c < colours.size(); ++c)
            QVERIFY2(counts[c] >= area / 32, qPrintable(shares));
    }

    void filesWhereTheReadmeSays()
    {
        const QDir prefix(m_prefix.path());
        for (const char *program : {"bin/fusionlab", "bin/fusionlab-cli"}) {
            const QFileInfo info(prefix.filePath(QLatin1String(program)));
            QVERIFY2(info.isFile() && info.isExecutable(), program);
        }
        QVERIFY(!QFileInfo::exists(prefix.filePath(QStringLiteral("bin/fusionlab-bench"))));
        QCOMPARE(QDir(prefix.filePath(QStringLiteral("bin"))).entryList(QDir::Files), (QStringList{"fusionlab", "fusionlab-cli"}));
        QVERIFY(QFileInfo(prefix.filePath(QStringLiteral("share/applications/fusionlab.desktop"))).isFile());
        QCOMPARE(readBytes(prefix.filePath(QStringLiteral("share/doc/fusionlab/copyright"))),
                 readBytes(QStringLiteral(FUSIONLAB_SOURCE_DIR "/LICENSE")));

        const QString icon = prefix.filePath(QStringLiteral("share/icons/hicolor/scalable/apps/fusionlab.svg"));
        QVERIFY(QFileInfo(icon).isFile());
        QCOMPARE(readBytes(icon), readBytes(QStringLiteral(":/icons/fusionlab.svg")));

        // The catalogues: the same as the embedded ones.
        const QDir translations(prefix.filePath(QStringLiteral("share/fusionlab/translations")));
        const QStringList catalogues = translations.entryList({QStringLiteral("*.qm")}, QDir::Files);
        QCOMPARE(catalogues, QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("*.qm")}, QDir::Files));
        QVERIFY(catalogues.contains(QStringLiteral("fusionlab_zh_CN.qm")));
        for (const QString &name : catalogues)
            QVERIFY2(readBytes(translations.filePath(name)) == readBytes(QStringLiteral(":/i18n/") + name), qPrintable(name));

        // The demo: every file of the embedded one, byte for byte, and nothing else.
        const QDir demo(prefix.filePath(QStringLiteral("share/fusionlab/demo")));
        QVERIFY(QFileInfo(demo.filePath(QStringLiteral("manifest.json"))).isFile());
        int files = 0;
        QDirIterator embedded(QStringLiteral(":/demo"), QDir::Files, QDirIterator::Subdirectories);
        while (embedded.hasNext()) {
            const QString path = embedded.next();
            const QString relative = path.mid(QStringLiteral(":/demo/").size());
            QVERIFY2(readBytes(demo.filePath(relative)) == readBytes(path), qPrintable(relative));
            ++files;
        }
        QVERIFY(files > 600);
        int installed = 0;
        QDirIterator copies(demo.path(), QDir::Files, QDirIterator::Subdirectories);
        while (copies.hasNext()) {
            copies.next();
            ++installed;
        }
        QCOMPARE(installed, files);
    }

    void desktopEntryNamesTheInstalledProgramAndIcon()
    {
        QString firstGroup;
        const QMap<QString, QString> entry =
            desktopEntry(QDir(m_prefix.path()).filePath(QStringLiteral("share/applications/fusionlab.desktop")), &firstGroup);
        QCOMPARE(firstGroup, QStringLiteral("[Desktop Entry]"));
        QCOMPARE(entry.value(QStringLiteral("Type")), QStringLiteral("Application"));
        QCOMPARE(entry.value(QStringLiteral("Name")), QStringLiteral("FusionLab"));
        QVERIFY(!entry.value(QStringLiteral("Name[zh_CN]")).isEmpty());
        QVERIFY(!entry.value(QStringLiteral("Comment[zh_CN]")).isEmpty());
        QCOMPARE(entry.value(QStringLiteral("Terminal")), QStringLiteral("false"));
        // Exec and TryExec name the installed GUI program (found on PATH), Icon the installed icon's name.
        const QStringList exec = entry.value(QStringLiteral("Exec")).split(u' ', Qt::SkipEmptyParts);
        QVERIFY(!exec.isEmpty());
        QCOMPARE(exec.front(), QStringLiteral("fusionlab"));
        QCOMPARE(entry.value(QStringLiteral("TryExec")), exec.front());
        QVERIFY(QFileInfo(QDir(m_prefix.path()).filePath(QStringLiteral("bin/") + exec.front())).isExecutable());
        QCOMPARE(entry.value(QStringLiteral("Icon")), QStringLiteral("fusionlab"));
        QVERIFY(QFileInfo::exists(QDir(m_prefix.path()).filePath(QStringLiteral("share/icons/hicolor/scalable/apps/%1.svg")
                                                                      .arg(entry.value(QStringLiteral("Icon"))))));
    }

    void installedProgramsRunOnTheInstalledDemo()
    {
        const QDir prefix(m_prefix.path());
        const Run help = run(prefix.filePath(QStringLiteral("bin/fusionlab")), {QStringLiteral("--help")}, childEnvironment(QStringLiteral("C")));
        QVERIFY2(help.exitCode == 0, help.err);
        QVERIFY2(help.out.contains(kDescription.toUtf8()), help.out);

        const Run stats = run(prefix.filePath(QStringLiteral("bin/fusionlab-cli")),
                              {QStringLiteral("stats"), prefix.filePath(QStringLiteral("share/fusionlab/demo")), QStringLiteral("--json")});
        QVERIFY2(stats.exitCode == 0, stats.err);
        const QJsonObject summary = QJsonDocument::fromJson(stats.out.trimmed().split('\n').last()).object();
        QCOMPARE(summary.value(QStringLiteral("items")).toInt(), 600);
        QCOMPARE(summary.value(QStringLiteral("users")).toInt(), 300);
        QCOMPARE(summary.value(QStringLiteral("interactions")).toInt(), 15000);
    }

    void installedCatalogueWinsOverTheEmbeddedOne()
    {
        const QDir prefix(m_prefix.path());
        const QString program = prefix.filePath(QStringLiteral("bin/fusionlab"));
        const QString installed = prefix.filePath(QStringLiteral("share/fusionlab/translations/fusionlab_zh_CN.qm"));
        const QProcessEnvironment chinese = childEnvironment(QStringLiteral("zh_CN.UTF-8"));

        QTranslator embedded;
        QVERIFY(embedded.load(QStringLiteral("fusionlab_zh_CN"), QStringLiteral(":/i18n")));
        const QString translated = embedded.translate("main", kDescription.toUtf8().constData());
        QVERIFY(!translated.isEmpty() && translated != kDescription);

        // The installed copy equals the embedded one: the help text in Chinese.
        Run help = run(program, {QStringLiteral("--help")}, chinese);
        QVERIFY2(help.exitCode == 0, help.err);
        QVERIFY2(help.out.contains(translated.toUtf8()), help.out);

        // A different catalogue in share/fusionlab/translations is the one read.
        QTemporaryDir work;
        QVERIFY(work.isValid());
        const QString ts = work.filePath(QStringLiteral("fusionlab_zh_CN.ts"));
        QFile source(ts);
        QVERIFY(source.open(QIODevice::WriteOnly));
        source.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE TS>\n<TS version=\"2.1\" language=\"zh_CN\">\n"
                     "<context><name>main</name><message><source>"
                     + kDescription.toUtf8() + "</source><translation>Installed catalogue speaking</translation></message></context>\n</TS>\n");
        source.close();
        const Run released = run(QStringLiteral(FUSIONLAB_LRELEASE), {ts, QStringLiteral("-qm"), installed});
        QVERIFY2(released.exitCode == 0, released.out + released.err);
        help = run(program, {QStringLiteral("--help")}, chinese);
        QVERIFY2(help.exitCode == 0, help.err);
        QVERIFY2(help.out.contains("Installed catalogue speaking"), help.out);

        // Without it, the embedded catalogue.
        QVERIFY(QFile::remove(installed));
        help = run(program, {QStringLiteral("--help")}, chinese);
        QVERIFY2(help.exitCode == 0, help.err);
        QVERIFY2(help.out.contains(translated.toUtf8()), help.out);
        QVERIFY2(!help.err.contains("no catalogue"), help.err);
    }

private:
    // A child fusionlab with the given locale, offscreen, with its settings in a temporary home (no
    // language remembered there, so the locale decides).
    QProcessEnvironment childEnvironment(const QString &locale) const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("HOME"), m_home.path());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        environment.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral("cache")));
        environment.insert(QStringLiteral("LC_ALL"), locale);
        environment.insert(QStringLiteral("LANGUAGE"), locale.section(u'.', 0, 0));
        return environment;
    }

    QTemporaryDir m_prefix;
    QTemporaryDir m_home;
};

QTEST_MAIN(TestInstall)
#include "test_install.moc"
