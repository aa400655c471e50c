#include "engine/core/MemoryBudget.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>

#include <new>
#include <system_error>
#include <sys/resource.h>
#include <unistd.h>

namespace fl {

namespace {

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::MemoryBudget)
};

// The first number on the line of /proc/meminfo that starts with `key`, in bytes; −1 if not there.
qint64 meminfoBytes(const QByteArray &key)
{
    QFile file(QStringLiteral("/proc/meminfo"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(key)) {
            const QList<QByteArray> parts = line.mid(key.size()).simplified().split(' ');
            bool ok = false;
            const qint64 kib = parts.value(0).toLongLong(&ok);
            return ok ? kib * 1024 : -1;
        }
    }
    return -1;
}

// Bytes of address space the process maps now (/proc/self/statm's first field, in pages).
qint64 mappedBytes()
{
    QFile file(QStringLiteral("/proc/self/statm"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    bool ok = false;
    const qint64 pages = file.readAll().split(' ').value(0).toLongLong(&ok);
    return ok ? pages * qint64(sysconf(_SC_PAGESIZE)) : -1;
}

QString megabytes(qint64 bytes)
{
    return QLocale().toString(double(bytes) / (1024.0 * 1024.0), 'f', 0);
}

} // namespace

qint64 allocatableBytes()
{
    qint64 available = -1;
    rlimit limit{};
    if (getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
        const qint64 mapped = mappedBytes();
        if (mapped >= 0)
            available = std::max<qint64>(0, qint64(limit.rlim_cur) - mapped);
    }
    if (const qint64 free = meminfoBytes("MemAvailable:"); free >= 0)
        available = available < 0 ? free : std::min(available, free);
    return available;
}

Result<void> requireMemory(qint64 bytes, const QString &what)
{
    const qint64 available = allocatableBytes();
    if (available < 0 || bytes <= available)
        return {};
    return makeError(Tr::tr("%1 need about %2 MB; only %3 MB can be allocated")
                         .arg(what, megabytes(bytes), megabytes(available)));
}

QString exceptionText(const std::exception &error)
{
    if (dynamic_cast<const std::bad_alloc *>(&error))
        return Tr::tr("not enough memory (an allocation failed)");
    // A thread that cannot start: no memory left for its stack (or the process's thread limit).
    if (const auto *system = dynamic_cast<const std::system_error *>(&error);
        system && system->code() == std::errc::resource_unavailable_try_again)
        return Tr::tr("not enough memory to start a thread");
    return QString::fromLocal8Bit(error.what());
}

} // namespace fl
