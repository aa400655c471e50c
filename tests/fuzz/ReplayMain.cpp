// fuzzreplay TARGET FOLDER…: feeds every file of the folders (sorted by name; absent folders are
// skipped) to TARGET's LLVMFuzzerTestOneInput, as libFuzzer would replay them, in a build without
// libFuzzer (ctest's fuzzreplay_NAME tests). Prints one line; if an input crashes, its path is printed
// before the process dies.
#include "FuzzSupport.h"

#include <QDir>
#include <QFile>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <unistd.h>

#define FUSIONLAB_FUZZ_TARGET(name) extern "C" int fuzzReplay_##name(const uint8_t *data, size_t size);
#include "FuzzTargets.inc"
#undef FUSIONLAB_FUZZ_TARGET

namespace {

using EntryPoint = int (*)(const uint8_t *, size_t);

struct Target
{
    const char *name;
    EntryPoint run;
};

#define FUSIONLAB_FUZZ_TARGET(name) {#name, fuzzReplay_##name},
const Target kTargets[] = {
#include "FuzzTargets.inc"
};
#undef FUSIONLAB_FUZZ_TARGET

char g_current[4096] = "";

void reportCrash(int signal)
{
    static const char prefix[] = "fuzzreplay: crashed on ";
    [[maybe_unused]] ssize_t w = write(STDERR_FILENO, prefix, sizeof prefix - 1);
    w = write(STDERR_FILENO, g_current, strlen(g_current));
    w = write(STDERR_FILENO, "\n", 1);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

} // namespace

int main(int argc, char **argv)
{
    fl::fuzz::ensureApplication();
    const Target *target = nullptr;
    for (const Target &t : kTargets) {
        if (argc > 1 && std::strcmp(argv[1], t.name) == 0)
            target = &t;
    }
    if (!target) {
        std::fprintf(stderr, "usage: fuzzreplay TARGET FOLDER...; targets:");
        for (const Target &t : kTargets)
            std::fprintf(stderr, " %s", t.name);
        std::fprintf(stderr, "\n");
        return 2;
    }
    for (int s : {SIGSEGV, SIGABRT, SIGFPE, SIGBUS, SIGILL})
        std::signal(s, reportCrash);
    int inputs = 0;
    for (int i = 2; i < argc; ++i) {
        const QDir folder(QString::fromLocal8Bit(argv[i]));
        for (const QFileInfo &entry : folder.entryInfoList(QDir::Files, QDir::Name)) {
            QFile file(entry.filePath());
            if (!file.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "fuzzreplay: cannot read %s\n", qPrintable(entry.filePath()));
                return 1;
            }
            const QByteArray bytes = file.readAll();
            std::snprintf(g_current, sizeof g_current, "%s", qPrintable(entry.filePath()));
            target->run(reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size()));
            ++inputs;
        }
    }
    std::printf("fuzzreplay %s: %d inputs replayed without a crash\n", target->name, inputs);
    return inputs > 0 ? 0 : 1;
}
