#include "FuzzSupport.h"

#include "engine/data/Dataset.h"
#include "engine/data/DatasetSummary.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace fl::fuzz {

namespace {

void quietMessages(QtMsgType, const QMessageLogContext &, const QString &) {}

QString sanitizedName(QByteArrayView raw)
{
    QByteArray name = raw.trimmed().toByteArray().left(120);
    for (char &c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                        || c == '_' || c == '-' || c == '/';
        if (!ok)
            c = '_';
    }
    QStringList parts;
    for (const QByteArray &part : name.split('/')) {
        if (!part.isEmpty() && part != "." && part != "..")
            parts.append(QString::fromLatin1(part));
    }
    return parts.join(QLatin1Char('/'));
}

} // namespace

void ensureApplication()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "fusionlab-fuzz";
    static char *argv[] = {name, nullptr};
    qInstallMessageHandler(quietMessages);
    new QCoreApplication(argc, argv);
}

QString freshFolder()
{
    static const std::unique_ptr<QTemporaryDir> root = [] {
        const QString base = QFileInfo(QStringLiteral("/dev/shm")).isWritable() ? QStringLiteral("/dev/shm")
                                                                                : QDir::tempPath();
        // The process id in the name lets tests/fuzz/run remove what a crashed process left behind.
        return std::make_unique<QTemporaryDir>(
            QStringLiteral("%1/fusionlab-fuzz-%2-XXXXXX").arg(base).arg(QCoreApplication::applicationPid()));
    }();
    const QString folder = root->filePath(QStringLiteral("d"));
    QDir(folder).removeRecursively();
    QDir().mkpath(folder);
    return folder;
}

bool writeFile(const QString &folder, const QString &name, QByteArrayView bytes)
{
    const QString path = folder + QLatin1Char('/') + name;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes.data(), bytes.size()) == bytes.size();
}

int writeSections(const QString &folder, QByteArrayView input, const QString &defaultName)
{
    static constexpr QByteArrayView marker("@@@ ");
    int written = 0;
    QString name = defaultName;
    qsizetype pos = 0;
    if (input.startsWith(marker)) {
        const qsizetype end = input.indexOf('\n');
        name = sanitizedName(input.sliced(marker.size(), (end < 0 ? input.size() : end) - marker.size()));
        pos = end < 0 ? input.size() : end + 1;
    }
    for (;;) {
        const qsizetype next = QByteArrayView(input).indexOf(QByteArrayView("\n@@@ "), pos);
        const qsizetype contentEnd = next < 0 ? input.size() : next;
        if (!name.isEmpty() && writeFile(folder, name, input.sliced(pos, contentEnd - pos)))
            ++written;
        if (next < 0)
            break;
        const qsizetype nameStart = next + 1 + marker.size();
        const qsizetype lineEnd = input.indexOf('\n', nameStart);
        name = sanitizedName(input.sliced(nameStart, (lineEnd < 0 ? input.size() : lineEnd) - nameStart));
        if (lineEnd < 0)
            break;
        pos = lineEnd + 1;
    }
    return written;
}

bool accepted(bool ok, const QString &error)
{
    static const bool verbose = qEnvironmentVariableIsSet("FUSIONLAB_FUZZ_VERBOSE");
    if (verbose)
        std::fprintf(stderr, "%s\n", ok ? "accepted" : qPrintable(error));
    return ok;
}

void checkDataset(const Dataset &d)
{
    const auto check = [](bool ok) {
        if (!ok)
            std::abort();
    };
    const size_t n = d.interactionItem.size();
    check(d.interactionUser.size() == n && size_t(d.rating.size()) == n);
    check(d.timestamp.empty() || d.timestamp.size() == n);
    check(d.interactionSplit.empty() || d.interactionSplit.size() == n);
    check(d.itemTitles.size() == d.itemIds.size());
    check(d.itemCategories.isEmpty() || d.itemCategories.size() == d.itemIds.size());
    for (size_t i = 0; i < n; ++i) {
        check(d.interactionUser[i] >= 0 && d.interactionUser[i] < d.userCount());
        check(d.interactionItem[i] >= 0 && d.interactionItem[i] < d.itemCount());
        check(std::isfinite(d.rating[Eigen::Index(i)]) && std::abs(d.rating[Eigen::Index(i)]) <= 1e6);
        check(d.interactionSplit.empty() || (d.interactionSplit[i] >= 0 && d.interactionSplit[i] <= 2));
    }
    for (const ModalitySource &m : d.modalities) {
        check(m.missing.empty() || m.missing.size() == size_t(d.itemCount()));
        switch (m.kind) {
        case ModalityKind::Text:
            check(m.texts.size() == d.itemIds.size());
            break;
        case ModalityKind::Image:
            check(m.imagePaths.size() == d.itemIds.size());
            break;
        case ModalityKind::Numeric:
        case ModalityKind::Vectors:
            check(m.values.rows() == d.itemCount());
            break;
        }
    }
    const DatasetSummary summary = summarize(d);
    check(summary.items == d.itemCount() && summary.interactions == qint64(n));
}

} // namespace fl::fuzz
