#include "engine/core/SaveFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace fl {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::SaveFile)
};

} // namespace

Result<void> checkSaveTarget(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        return makeError(Tr::tr("Cannot write %1: it is not a regular file (a folder, a device or a pipe).")
                             .arg(QDir::toNativeSeparators(path)));
    }
    return {};
}

Result<void> saveBytes(const QString &path, const QByteArray &bytes)
{
    if (Result<void> ok = checkSaveTarget(path); !ok)
        return ok;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return makeError(Tr::tr("Cannot write %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

} // namespace fl
