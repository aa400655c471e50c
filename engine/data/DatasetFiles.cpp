#include "engine/data/DatasetFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace fl {

namespace {

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::DatasetFiles)
};

bool isResource(const QString &path)
{
    return path.startsWith(QLatin1Char(':'));
}

// The canonical form of folder (symbolic links resolved) with a trailing '/', or its cleaned absolute
// path when it does not exist.
QString folderPrefix(const QString &folder)
{
    const QFileInfo info(folder);
    QString canonical = info.canonicalFilePath();
    if (canonical.isEmpty())
        canonical = QDir::cleanPath(info.absoluteFilePath());
    return canonical.endsWith(QLatin1Char('/')) ? canonical : canonical + QLatin1Char('/');
}

bool startsInside(const QString &path, const QString &prefix)
{
    return path.startsWith(prefix) || path + QLatin1Char('/') == prefix;
}

} // namespace

FileKind fileKind(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return FileKind::Missing;
    if (info.isDir())
        return FileKind::Folder;
    if (info.isFile())
        return FileKind::Regular;
#ifdef Q_OS_UNIX
    struct stat status;
    if (::stat(QFile::encodeName(path).constData(), &status) == 0) {
        if (S_ISFIFO(status.st_mode))
            return FileKind::Fifo;
        if (S_ISCHR(status.st_mode))
            return FileKind::CharacterDevice;
        if (S_ISBLK(status.st_mode))
            return FileKind::BlockDevice;
        if (S_ISSOCK(status.st_mode))
            return FileKind::Socket;
    }
#endif
    return FileKind::Other;
}

QString fileKindName(FileKind kind)
{
    switch (kind) {
    case FileKind::Regular: return Tr::tr("a regular file");
    case FileKind::Missing: return Tr::tr("not there");
    case FileKind::Folder: return Tr::tr("a folder");
    case FileKind::Fifo: return Tr::tr("a FIFO (named pipe)");
    case FileKind::CharacterDevice: return Tr::tr("a character device");
    case FileKind::BlockDevice: return Tr::tr("a block device");
    case FileKind::Socket: return Tr::tr("a socket");
    case FileKind::Other: break;
    }
    return Tr::tr("a special file");
}

Result<void> requireRegularFile(const QString &path, const QString &label, const QString &expected)
{
    const FileKind kind = fileKind(path);
    if (kind == FileKind::Regular)
        return {};
    if (kind == FileKind::Missing)
        return makeError(Tr::tr("%1: file not found (looked for %2); expected %3").arg(label, QDir::toNativeSeparators(path), expected));
    return makeError(Tr::tr("%1: is %2, not a regular file; expected %3").arg(label, fileKindName(kind), expected));
}

bool resolvesInside(const QString &folder, const QString &path)
{
    if (isResource(folder) || isResource(path))
        return isResource(folder) == isResource(path);
    const QString prefix = folderPrefix(folder);
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    if (!canonical.isEmpty())
        return startsInside(canonical, prefix);
    // Not there: a dangling link leads nowhere known; otherwise the nearest existing folder on the way
    // (which may be a link) decides.
    if (info.isSymLink())
        return false;
    QString existing = QDir::cleanPath(info.absoluteFilePath());
    while (!QFileInfo::exists(existing)) {
        const qsizetype slash = existing.lastIndexOf(QLatin1Char('/'));
        if (slash <= 0)
            return false;
        existing.truncate(slash);
    }
    const QString canonicalExisting = QFileInfo(existing).canonicalFilePath();
    return !canonicalExisting.isEmpty() && startsInside(canonicalExisting, prefix);
}

Result<QString> resolveInsideFolder(const QString &folder, const QString &written, const QString &subject)
{
    const QString shownFolder = QDir::toNativeSeparators(isResource(folder) ? folder : QDir::cleanPath(QFileInfo(folder).absoluteFilePath()));
    const Error outside = makeError(Tr::tr("%1 is \"%2\", outside the dataset folder; paths must be relative and stay "
                                           "inside %3")
                                        .arg(subject, excerpt(written, 200), shownFolder));
    if (written.isEmpty() || QDir::isAbsolutePath(written))
        return outside;
    const QString base = isResource(folder) ? folder : QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    const QString joined = QDir::cleanPath(base + QLatin1Char('/') + written);
    const QString lexicalPrefix = base.endsWith(QLatin1Char('/')) ? base : base + QLatin1Char('/');
    if (!joined.startsWith(lexicalPrefix))
        return outside;
    if (isResource(base))
        return joined;
    if (!resolvesInside(base, joined)) {
        const QString target = QFileInfo(joined).canonicalFilePath();
        return makeError(Tr::tr("%1 is \"%2\", a symbolic link that leads outside the dataset folder%3; paths must "
                                "stay inside %4")
                             .arg(subject, excerpt(written, 200),
                                  target.isEmpty() ? QString() : Tr::tr(" (to %1)").arg(QDir::toNativeSeparators(target)),
                                  shownFolder));
    }
    return joined;
}

QString excerpt(QStringView text, int maxChars)
{
    QString out;
    const qsizetype shown = std::min<qsizetype>(text.size(), std::max(1, maxChars));
    out.reserve(shown + 8);
    for (qsizetype i = 0; i < shown; ++i) {
        const QChar c = text[i];
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7F || (u >= 0x80 && u < 0xA0) || u == 0x2028 || u == 0x2029 || u == 0x202E)
            out += QStringLiteral("\\x%1").arg(unsigned(u), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    if (text.size() > shown)
        out += QChar(0x2026);
    return out;
}

} // namespace fl
