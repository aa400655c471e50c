// Memory limits: under an address-space limit (`ulimit -v`), loading a million ratings is refused
// before it allocates, with what it needs and what is there, or ends with "not enough memory" naming
// the dataset; training that runs out ends with a sentence. Never an abort (exit 134), at any limit.

#include "CliTestSupport.h"

#include "engine/core/MemoryBudget.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <new>
#include <system_error>

using namespace fl;
using namespace fl::test;

namespace {

// fusionlab-cli with its arguments under `ulimit -v kib`.
CliRun runLimited(qint64 kib, const QStringList &arguments)
{
    QStringList quoted;
    for (const QString &a : arguments)
        quoted << QStringLiteral("'%1'").arg(a);
    QProcess process;
    process.start(QStringLiteral("bash"), {QStringLiteral("-c"), QStringLiteral("ulimit -v %1 && exec '%2' %3")
                                                                     .arg(kib)
                                                                     .arg(QStringLiteral(FUSIONLAB_CLI_PATH), quoted.join(' '))});
    CliRun run;
    if (!process.waitForFinished(120000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// A MovieLens folder with 2,000 movies and `ratings` ratings (about 24 bytes a line).
bool writeMovieLens(const QString &dir, int ratings)
{
    QFile movies(dir + QStringLiteral("/movies.csv"));
    QFile table(dir + QStringLiteral("/ratings.csv"));
    if (!movies.open(QIODevice::WriteOnly) || !table.open(QIODevice::WriteOnly))
        return false;
    QByteArray text("movieId,title,genres\n");
    for (int m = 1; m <= 2000; ++m)
        text += QByteArray::number(m) + ",Movie " + QByteArray::number(m) + " (2000),Drama\n";
    movies.write(text);
    QByteArray out("userId,movieId,rating,timestamp\n");
    out.reserve(qsizetype(ratings) * 26);
    std::uint64_t state = 12345;
    for (int r = 0; r < ratings; ++r) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        out += QByteArray::number(r % 50000 + 1) + ',' + QByteArray::number(int(state >> 33) % 2000 + 1) + ','
            + QByteArray::number(1 + int(state >> 60) % 5) + ",964982703\n";
    }
    return table.write(out) == out.size();
}

} // namespace

class TestMemory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void messages()
    {
        QVERIFY(requireMemory(1, QStringLiteral("x")).ok());
        const qint64 available = allocatableBytes();
        QVERIFY(available != 0);
        if (available > 0) {
            const Result<void> refused = requireMemory(available * 2, QStringLiteral("ratings.csv: about 9 interactions"));
            QVERIFY(!refused.ok());
            QVERIFY2(refused.error().startsWith(QStringLiteral("ratings.csv: about 9 interactions need about ")), qPrintable(refused.error()));
            QVERIFY(refused.error().contains(QStringLiteral("MB can be allocated")));
        }
        QCOMPARE(exceptionText(std::bad_alloc()), QStringLiteral("not enough memory (an allocation failed)"));
        QCOMPARE(exceptionText(std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again))),
                 QStringLiteral("not enough memory to start a thread"));
    }

    void loadsUnderALimitNeverAbort()
    {
#ifdef FUSIONLAB_SANITIZED
        QSKIP("A sanitizer reserves terabytes of address space for its shadow memory: no `ulimit -v` leaves room.");
#endif
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeMovieLens(dir.path(), 1'000'000));

        // The smallest limit (in steps of 16 MB) at which the CLI starts and loads the demo: its own size.
        qint64 base = 0;
        for (qint64 kib = 96 * 1024; kib <= 2048 * 1024; kib += 16 * 1024) {
            if (runLimited(kib, {QStringLiteral("stats"), QStringLiteral("demo")}).exitCode == 0) {
                base = kib;
                break;
            }
        }
        QVERIFY2(base > 0, "fusionlab-cli does not start under any limit up to 2 GB");

        int refusedAhead = 0, failedLater = 0, loaded = 0;
        for (qint64 extra = 0; extra <= 192 * 1024; extra += 16 * 1024) {
            const CliRun run = runLimited(base + extra, {QStringLiteral("stats"), dir.path(), QStringLiteral("--json")});
            const QString context = QStringLiteral("limit %1 KiB: exit %2, %3").arg(base + extra).arg(run.exitCode).arg(run.err);
            QVERIFY2(run.exitCode == 0 || run.exitCode == 1, qPrintable(context));
            QVERIFY2(!run.err.contains(QStringLiteral("terminate called")), qPrintable(context));
            if (run.exitCode == 0) {
                ++loaded;
                QVERIFY2(jsonLines(run.out).value(0).value(QStringLiteral("interactions")).toInt() == 1'000'000, qPrintable(context));
            } else if (run.err.contains(QStringLiteral("can be allocated"))) {
                ++refusedAhead;
                QVERIFY2(run.err.contains(QStringLiteral("ratings.csv: about ")) && run.err.contains(QStringLiteral("interactions need about ")),
                         qPrintable(context));
            } else {
                ++failedLater;
                QVERIFY2(run.err.contains(dir.path() + QStringLiteral(": could not be loaded: not enough memory")), qPrintable(context));
            }
        }
        QVERIFY2(refusedAhead > 0, "no limit was tight enough for the estimate to refuse the load");
        QVERIFY2(loaded > 0, "no limit was loose enough to load");
        Q_UNUSED(failedLater);

        // Training under limits just above a load: it finishes or ends with a sentence.
        for (qint64 extra = 64 * 1024; extra <= 192 * 1024; extra += 64 * 1024) {
            const CliRun run = runLimited(base + extra, {QStringLiteral("train"), dir.path(), QStringLiteral("--model"),
                                                         QStringLiteral("mf"), QStringLiteral("--epochs"), QStringLiteral("1")});
            const QString context = QStringLiteral("train, limit %1 KiB: exit %2, %3").arg(base + extra).arg(run.exitCode).arg(run.err.right(300));
            QVERIFY2(run.exitCode == 0 || run.exitCode == 1, qPrintable(context));
            QVERIFY2(!run.err.contains(QStringLiteral("terminate called")), qPrintable(context));
        }
    }
};

QTEST_GUILESS_MAIN(TestMemory)
#include "test_memory.moc"
