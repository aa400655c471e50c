#pragma once

// The Import dialog: turns a user's CSV/TSV files into a FusionLab manifest. Each table (interactions,
// items) shows a preview of its first rows with its parse options and a role per column; an image
// folder pattern and .npy vectors files add modalities; a live check names what is wrong and keeps
// Save disabled until the assignment is valid. Save writes manifest.json beside the data (or where the
// user says), then loads it with the engine's loader on a worker thread to prove that it works. The
// parsing, guessing, checking and JSON writing are the engine's ManifestBuilder; this class only edits
// an ImportSpec and shows the results.

#include "engine/data/ManifestBuilder.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace fl {

class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Table { Interactions, Items };

    explicit ImportDialog(QWidget *parent = nullptr);
    ~ImportDialog() override;

    // Reads a bounded prefix of the file, detects its options, previews it and guesses the roles.
    // An empty path clears the table.
    void setInteractionsFile(const QString &path);
    void setItemsFile(const QString &path);
    void addVectorsFile(const QString &path, const QString &name = {});
    void removeVectorsFile(int index);
    void setVectorsName(int index, const QString &name);

    // The per-table controls; each re-parses the preview at once.
    void setDelimiter(Table table, char delimiter);
    void setEncoding(Table table, CsvEncoding encoding);
    void setHasHeader(Table table, bool hasHeader);
    void setQuoting(Table table, bool quoting);

    void setInteractionRole(int column, InteractionRole role);
    void setItemRole(int column, ItemRole role);
    void setTitleInText(bool on);
    void setImagePattern(const QString &pattern);
    void setDatasetName(const QString &name);

    const ImportSpec &spec() const { return m_spec; }
    const CsvPreview &preview(Table table) const;
    const CsvSniff &detected(Table table) const;
    QTableWidget *previewTable(Table table) const;

    bool isValid() const { return m_problems.empty(); }
    const std::vector<ImportProblem> &problems() const { return m_problems; }
    QString validationMessage() const;          // the first problem; empty when valid
    QString imagePatternStatus() const;
    QString feedbackSummary() const;            // explicit ratings or implicit feedback

    // Where Save writes: manifest.json in the deepest folder holding the data files.
    QString defaultManifestPath() const;
    // The manifest that was saved and loaded without error; empty until then.
    QString manifestPath() const { return m_manifestPath; }

    // Writes the manifest to path without asking, then checks it with loadManifest on a worker thread
    // and emits saveFinished(); on success the dialog is accepted. Returns false if it could not be
    // written (the message is shown and emitted).
    bool saveTo(const QString &path);
    bool isChecking() const { return m_checking; }

Q_SIGNALS:
    void saveFinished(bool ok, const QString &message);

private:
    struct Panel;
    struct CheckResult
    {
        QString error;
        int items = 0;
        int users = 0;
        int interactions = 0;
    };

    QWidget *buildTableGroup(Table table);
    QWidget *buildModalities();
    Panel &panel(Table table) const;
    ImportTable &specTable(Table table);

    void browse(Table table);
    void setFile(Table table, const QString &path);
    void optionsChanged(Table table);
    void reparse(Table table, bool keepRoles);
    void fillPreview(Table table);
    void fillRoleCombos(Table table);
    void syncControls(Table table);
    void roleChosen(Table table, int column, int index);
    void styleColumns(Table table);
    void refreshVectors();
    void revalidate();
    void updateNameFromFolder();

    void save();
    void saveAs();
    void checkFinished();

    ImportSpec m_spec;
    std::unique_ptr<Panel> m_panels[2];
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_name = nullptr;
    bool m_nameEdited = false;
    QCheckBox *m_titleInText = nullptr;
    QLineEdit *m_pattern = nullptr;
    QLabel *m_patternStatus = nullptr;
    QTableWidget *m_vectors = nullptr;
    QPushButton *m_removeVectors = nullptr;
    QLabel *m_problemIcon = nullptr;
    QLabel *m_problem = nullptr;
    QProgressBar *m_busy = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_saveAs = nullptr;
    std::vector<ImportProblem> m_problems;
    QString m_patternText;
    QString m_manifestPath;
    QString m_checkingPath;
    bool m_checking = false;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFutureWatcher<CheckResult> m_watcher;
};

} // namespace fl
