#include "engine/training/RunHistoryStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLockFile>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace fl {

namespace {

QString lockPathFor(const QString &sessionPath)
{
    QString path = sessionPath;
    path.chop(int(QStringLiteral(".json").size()));
    return path + QStringLiteral(".lock");
}

} // namespace

RunHistoryStore::RunHistoryStore(QString folder)
    : m_folder(std::move(folder))
{
    m_sessionPath = QDir(m_folder).filePath(QStringLiteral("session-%1.json").arg(QUuid::createUuid().toString(QUuid::Id128)));
    m_writer = std::thread([this] { writerLoop(); });
}

RunHistoryStore::~RunHistoryStore()
{
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_wake.notify_all();
    m_writer.join();
}

QString RunHistoryStore::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave");
}

Result<void> RunHistoryStore::open()
{
    if (!QDir().mkpath(m_folder))
        return makeError(RunHistoryStore::tr("Cannot create the autosave folder %1.").arg(QDir::toNativeSeparators(m_folder)));
    m_lock = std::make_unique<QLockFile>(lockPathFor(m_sessionPath));
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0)) {
        m_lock.reset();
        return makeError(RunHistoryStore::tr("Cannot lock %1 for this window's autosave.").arg(QDir::toNativeSeparators(lockPathFor(m_sessionPath))));
    }
    return {};
}

std::vector<RunHistoryStore::Orphan> RunHistoryStore::orphans() const
{
    std::vector<Orphan> found;
    const QFileInfoList files = QDir(m_folder).entryInfoList({QStringLiteral("session-*.json")}, QDir::Files, QDir::Time);
    for (const QFileInfo &file : files) {
        if (file.absoluteFilePath() == QFileInfo(m_sessionPath).absoluteFilePath())
            continue;
        // A lock we can take belongs to no running window (QLockFile removes a stale one: its
        // process is gone).
        QLockFile lock(lockPathFor(file.absoluteFilePath()));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue;
        lock.unlock();
        const Result<Experiment> history = load(file.absoluteFilePath());
        if (!history || history->runs.empty()) {
            if (history)
                discard(file.absoluteFilePath());
            continue;
        }
        found.push_back({file.absoluteFilePath(), file.lastModified(), int(history->runs.size())});
    }
    return found;
}

Result<Experiment> RunHistoryStore::load(const QString &path) const
{
    return loadExperiment(path);
}

void RunHistoryStore::discard(const QString &path) const
{
    QFile::remove(path);
    QFile::remove(lockPathFor(path));
}

void RunHistoryStore::save(Experiment snapshot)
{
    {
        std::lock_guard lock(m_mutex);
        m_pending = std::move(snapshot);
    }
    m_wake.notify_all();
}

Result<void> RunHistoryStore::flush()
{
    std::unique_lock lock(m_mutex);
    m_wake.wait(lock, [this] { return !m_pending && !m_writing; });
    if (!m_lastError.isEmpty())
        return makeError(m_lastError);
    return {};
}

void RunHistoryStore::closeCleanly()
{
    (void)flush();
    QFile::remove(m_sessionPath);
    if (m_lock)
        m_lock->unlock();
    m_lock.reset();
}

void RunHistoryStore::writerLoop()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_quit || m_pending; });
        if (!m_pending)
            return;
        Experiment snapshot = std::move(*m_pending);
        m_pending.reset();
        m_writing = true;
        lock.unlock();
        const Result<void> written = saveExperiment(m_sessionPath, snapshot);
        lock.lock();
        m_writing = false;
        m_lastError = written ? QString() : written.error();
        m_wake.notify_all();
    }
}

} // namespace fl
