// The engine's stages, one way down. engine/ is split into stages in include order
//     core → data → embedding → fusion → models → evaluation → training
// and a file may include only headers of its own stage and of the stages before it, always by their
// full path ("engine/<stage>/Name.h"). No file of the engine includes the window (ui/), the
// application (app/) or Qt Widgets and Charts; the window never includes the application. Within the
// engine, no two files include each other, directly or through others (Name.h and Name.cpp count as
// one unit). The checker is tested on small made-up trees first, so a broken checker cannot pass the
// real tree.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

namespace {

const QStringList kStages = {QStringLiteral("core"),   QStringLiteral("data"),       QStringLiteral("embedding"),
                             QStringLiteral("fusion"), QStringLiteral("models"),     QStringLiteral("evaluation"),
                             QStringLiteral("training")};

struct Include
{
    QString file;     // relative to the source root, e.g. "engine/data/Dataset.cpp"
    int line = 0;
    QString target;   // as written between the quotes or angle brackets
    bool quoted = true;
};

QList<Include> readIncludes(const QString &root, const QString &relative)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])"));
    QList<Include> out;
    QFile file(root + u'/' + relative);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return out;
    int line = 0;
    while (!file.atEnd()) {
        ++line;
        const QString text = QString::fromUtf8(file.readLine());
        const QRegularExpressionMatch match = pattern.match(text);
        if (match.hasMatch())
            out.append({relative, line, match.captured(2), match.captured(1) == u'"'});
    }
    return out;
}

QStringList sourcesUnder(const QString &root, const QString &folder)
{
    QStringList out;
    QDirIterator it(root + u'/' + folder, {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(root).relativeFilePath(it.next());
    out.sort();
    return out;
}

// "engine/models/Foo.cpp" → "engine/models/Foo": a header and its source are one unit.
QString unitOf(const QString &path)
{
    return path.left(path.lastIndexOf(u'.'));
}

// Every violation in the tree at root, one line each ("file:line: what"); empty when the layering holds.
QStringList layeringViolations(const QString &root)
{
    QStringList problems;
    static const QRegularExpression forbiddenQt(QStringLiteral(R"(^(QtWidgets|QtCharts|QWidget|QChart|QAbstractButton|QDialog|QMainWindow|QLabel|QPushButton|QApplication)\b)"));
    const QDir engine(root + QStringLiteral("/engine"));
    // Only stages hold sources: a folder that is not one, or a source file beside them, is out of place.
    for (const QString &entry : engine.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!kStages.contains(entry))
            problems << QStringLiteral("engine/%1: not a stage (stages: %2)").arg(entry, kStages.join(u' '));
    }
    for (const QString &entry : engine.entryList({QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files))
        problems << QStringLiteral("engine/%1: a source file outside the stages").arg(entry);

    QHash<QString, QSet<QString>> edges;   // unit → units it includes
    for (const QString &file : sourcesUnder(root, QStringLiteral("engine"))) {
        const QString stage = file.section(u'/', 1, 1);
        const int own = int(kStages.indexOf(stage));
        for (const Include &inc : readIncludes(root, file)) {
            const QString where = QStringLiteral("%1:%2: ").arg(inc.file).arg(inc.line);
            if (!inc.quoted) {
                if (forbiddenQt.match(inc.target).hasMatch())
                    problems << where + QStringLiteral("the engine includes <%1>, a widget or chart header").arg(inc.target);
                continue;
            }
            if (inc.target.startsWith(QLatin1String("ui/")) || inc.target.startsWith(QLatin1String("app/"))) {
                problems << where + QStringLiteral("the engine includes \"%1\"").arg(inc.target);
                continue;
            }
            const QStringList parts = inc.target.split(u'/');
            if (parts.size() != 3 || parts[0] != QLatin1String("engine") || !kStages.contains(parts[1])) {
                problems << where + QStringLiteral("\"%1\" is not written as \"engine/<stage>/Name.h\"").arg(inc.target);
                continue;
            }
            if (!QFile::exists(root + u'/' + inc.target)) {
                problems << where + QStringLiteral("\"%1\" does not exist").arg(inc.target);
                continue;
            }
            const int theirs = int(kStages.indexOf(parts[1]));
            if (own >= 0 && theirs > own)
                problems << where + QStringLiteral("%1 includes \"%2\" of the later stage %3").arg(stage, inc.target, parts[1]);
            if (unitOf(inc.target) != unitOf(file))
                edges[unitOf(file)].insert(unitOf(inc.target));
        }
    }

    // Cycles among the engine's units: a depth-first search that reports each cycle it closes once.
    QHash<QString, int> state;   // 0 unseen, 1 on the path, 2 done
    QStringList path;
    std::function<void(const QString &)> visit = [&](const QString &unit) {
        state[unit] = 1;
        path << unit;
        QStringList next(edges.value(unit).cbegin(), edges.value(unit).cend());
        next.sort();
        for (const QString &to : next) {
            if (state.value(to) == 1) {
                const QStringList cycle = path.mid(path.indexOf(to)) << to;
                problems << QStringLiteral("include cycle: %1").arg(cycle.join(QStringLiteral(" → ")));
            } else if (state.value(to) == 0) {
                visit(to);
            }
        }
        path.removeLast();
        state[unit] = 2;
    };
    QStringList units = edges.keys();
    units.sort();
    for (const QString &unit : units) {
        if (state.value(unit) == 0)
            visit(unit);
    }

    for (const QString &file : sourcesUnder(root, QStringLiteral("ui"))) {
        for (const Include &inc : readIncludes(root, file)) {
            if (inc.quoted && inc.target.startsWith(QLatin1String("app/")))
                problems << QStringLiteral("%1:%2: the window includes \"%3\"").arg(inc.file).arg(inc.line).arg(inc.target);
        }
    }
    return problems;
}

void writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

class TestLayering : public QObject
{
    Q_OBJECT

private:
    // A made-up engine with core/A, data/B (includes A) and models/C (includes B).
    QString goodTree(QTemporaryDir &dir)
    {
        const QString root = dir.path();
        writeFile(root + QStringLiteral("/engine/CMakeLists.txt"), "");
        writeFile(root + QStringLiteral("/engine/core/A.h"), "#pragma once\n#include <vector>\n");
        writeFile(root + QStringLiteral("/engine/core/A.cpp"), "#include \"engine/core/A.h\"\n");
        writeFile(root + QStringLiteral("/engine/data/B.h"), "#pragma once\n#include \"engine/core/A.h\"\n");
        writeFile(root + QStringLiteral("/engine/models/C.h"), "#pragma once\n#include \"engine/data/B.h\"\n");
        writeFile(root + QStringLiteral("/ui/View.cpp"), "#include \"engine/models/C.h\"\n#include <QWidget>\n");
        return root;
    }

private Q_SLOTS:
    void checkerAcceptsALayeredTree()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QCOMPARE(layeringViolations(goodTree(dir)), QStringList());
    }

    void checkerFindsEachKindOfViolation()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = goodTree(dir);
        // A back-edge (core includes data), a bare include, a widget header, a cycle within models, a
        // folder that is not a stage, and the window reaching into the application.
        writeFile(root + QStringLiteral("/engine/core/A.cpp"),
                  "#include \"engine/core/A.h\"\n\n#include \"engine/data/B.h\"\n#include \"B.h\"\n#include <QWidget>\n");
        writeFile(root + QStringLiteral("/engine/models/D.h"), "#pragma once\n#include \"engine/models/E.h\"\n");
        writeFile(root + QStringLiteral("/engine/models/E.cpp"), "#include \"engine/models/D.h\"\n");
        writeFile(root + QStringLiteral("/engine/models/E.h"), "#pragma once\n");
        writeFile(root + QStringLiteral("/engine/misc/F.h"), "#pragma once\n");
        writeFile(root + QStringLiteral("/engine/Loose.h"), "#pragma once\n");
        writeFile(root + QStringLiteral("/engine/README.md"), "# the engine\n");
        writeFile(root + QStringLiteral("/ui/View.h"), "#include \"app/CommandLineTool.h\"\n");

        const QStringList problems = layeringViolations(root);
        const QString all = problems.join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("engine/core/A.cpp:3: core includes \"engine/data/B.h\" of the later stage data")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("engine/core/A.cpp:4: \"B.h\" is not written as")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("engine/core/A.cpp:5: the engine includes <QWidget>")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("include cycle: engine/models/D → engine/models/E → engine/models/D")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("engine/misc: not a stage")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("engine/Loose.h: a source file outside the stages")), qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("README")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("ui/View.h:1: the window includes \"app/CommandLineTool.h\"")), qPrintable(all));
        // The data → core include and the window's engine include are fine.
        QVERIFY2(!all.contains(QStringLiteral("engine/data/B.h:")), qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("ui/View.cpp")), qPrintable(all));
        // The back-edge also closes a cycle: A includes B, which includes A.
        QVERIFY2(all.contains(QStringLiteral("include cycle: engine/core/A → engine/data/B → engine/core/A")), qPrintable(all));
        QCOMPARE(problems.size(), 8);
    }

    void sourcesKeepTheLayering()
    {
        const QString root = QStringLiteral(FUSIONLAB_SOURCE_DIR);
        QVERIFY(QFile::exists(root + QStringLiteral("/engine/core/Result.h")));
        const QStringList problems = layeringViolations(root);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        // Every stage holds something.
        for (const QString &stage : kStages)
            QVERIFY2(!sourcesUnder(root, QStringLiteral("engine/") + stage).isEmpty(), qPrintable(stage));
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "test_layering.moc"
