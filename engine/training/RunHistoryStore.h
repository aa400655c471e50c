#pragma once

// The window's run history on disk, so that nothing is lost: the history is autosaved (atomically,
// off the UI thread) as each run finishes, and after a crash or `kill -9` the next start finds it and
// offers it back, losing at most the run that was in progress.
//
// Each window owns one session file in the autosave folder (an experiment file, see Experiment.h) and a
// lock file held while it runs (QLockFile: a lock whose process is gone is stale). A session file whose
// lock is free was left by a window that did not close; closing cleanly removes both.

#include "engine/core/Result.h"
#include "engine/training/Experiment.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

class QLockFile;

namespace fl {

class RunHistoryStore
{
    Q_DECLARE_TR_FUNCTIONS(fl::RunHistoryStore)

public:
    // The folder of the session files: the application's data folder + "/autosave" by default.
    explicit RunHistoryStore(QString folder = defaultFolder());
    ~RunHistoryStore();   // finishes the pending write; the session file stays unless closeCleanly()

    static QString defaultFolder();

    // Creates the folder and takes this session's lock.
    Result<void> open();
    QString sessionPath() const { return m_sessionPath; }

    struct Orphan
    {
        QString path;
        QDateTime saved;
        int runs = 0;
    };
    // Session files left by windows that did not close (not this one), newest first. Files with no
    // runs are removed on the way.
    std::vector<Orphan> orphans() const;
    Result<Experiment> load(const QString &path) const;
    void discard(const QString &path) const;

    // Writes the snapshot in the background; a newer snapshot replaces one not yet written.
    void save(Experiment snapshot);
    // Blocks until every saved snapshot is on disk; the last write's error, if any.
    Result<void> flush();
    // Ends the session: waits for the writes, removes the session file and the lock.
    void closeCleanly();

private:
    void writerLoop();

    QString m_folder;
    QString m_sessionPath;
    std::unique_ptr<QLockFile> m_lock;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<Experiment> m_pending;
    bool m_writing = false;
    bool m_quit = false;
    QString m_lastError;
    std::thread m_writer;
};

} // namespace fl
