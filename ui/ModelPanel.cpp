#include "ModelPanel.h"

#include "engine/evaluation/MetricKey.h"
#include "engine/models/ModelKind.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>

namespace fl {

namespace {

QString modelDescription(ModelKind kind)
{
    switch (kind) {
    case ModelKind::Linear:
        return ModelPanel::tr("The seed: ŷ = Fw + b on the fused item features F, fitted to the ratings. "
                              "The dotted line is its closed-form optimum.");
    case ModelKind::LinearRanking:
        return ModelPanel::tr("The seed's regression as a recommender: ŷ = b + wᵀfᵢ (+ bᵤ + bᵢ) fitted to the "
                              "training interactions of the split, and judged by how it ranks held-out items.");
    case ModelKind::Popularity:
        return ModelPanel::tr("Ranks items by their number of training interactions, the same list for everyone. "
                              "The baseline every other model must beat.");
    case ModelKind::ItemKnn:
        return ModelPanel::tr("Scores an item by the cosine similarity of its fused content to what the user "
                              "already has (50 nearest neighbours). No training epochs.");
    case ModelKind::Mf:
        return ModelPanel::tr("ŷ = μ + bᵤ + bᵢ + pᵤᵀqᵢ: collaborative filtering without content. "
                              "It cannot rank items nobody has trained on.");
    case ModelKind::Hybrid:
        return ModelPanel::tr("ŷ = μ + bᵤ + bᵢ + βᵀfᵢ + pᵤᵀ(qᵢ + W fᵢ): factors from the ratings plus the fused "
                              "content fᵢ, so cold items are ranked by their content.");
    case ModelKind::Content:
        return ModelPanel::tr("ŷ = μ + bᵤ + bᵢ + βᵀfᵢ + pᵤᵀW fᵢ: the hybrid without item factors — "
                              "everything an item gets comes from its content.");
    case ModelKind::Random:
        return ModelPanel::tr("Scores every item by a fixed, seeded random number: what a model that cannot tell "
                              "items apart achieves. The floor every model must clear. No training epochs.");
    case ModelKind::Mlp:
        return ModelPanel::tr("A neural network on the fused content: ŷ = b + bᵤ + bᵢ + (w + pᵤ)ᵀh(fᵢ), h two ReLU "
                              "layers (64, 32), pᵤ each user's own weights. With BPR loss it ranks; with squared "
                              "loss it predicts ratings.");
    case ModelKind::Svr:
        return ModelPanel::tr("Linear support vector regression: ŷ = b + bᵤ + bᵢ + (w + pᵤ)ᵀfᵢ with the "
                              "ε-insensitive loss max(0, |ŷ − r| − ε): errors inside the tube of half-width ε "
                              "cost nothing.");
    }
    return {};
}

} // namespace

QString ModelPanel::modelTitle(ModelKind kind)
{
    switch (kind) {
    case ModelKind::Linear:
        return tr("Linear regression (the seed)");
    case ModelKind::LinearRanking:
        return tr("Linear regression as a recommender");
    case ModelKind::Popularity:
        return tr("Popularity (baseline)");
    case ModelKind::ItemKnn:
        return tr("Item-kNN on fused content");
    case ModelKind::Mf:
        return tr("Matrix factorization (no content)");
    case ModelKind::Hybrid:
        return tr("Hybrid: MF + fused content (VBPR)");
    case ModelKind::Content:
        return tr("Content only (fused features)");
    case ModelKind::Random:
        return tr("Random (chance baseline)");
    case ModelKind::Mlp:
        return tr("Neural network on fused content");
    case ModelKind::Svr:
        return tr("Support vector regression (linear)");
    }
    return modelKindName(kind);
}

std::vector<int> ModelPanel::parseKs(const QString &text)
{
    std::vector<int> ks;
    const QStringList parts = text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        bool ok = false;
        const int k = part.toInt(&ok);
        if (!ok || k < 1 || k > 1000)
            return {};
        ks.push_back(k);
    }
    std::sort(ks.begin(), ks.end());
    ks.erase(std::unique(ks.begin(), ks.end()), ks.end());
    return ks;
}

ModelPanel::ModelPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QFormLayout;
    top->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_model = new QComboBox(this);
    for (ModelKind kind : modelKinds())
        m_model->addItem(modelTitle(kind), int(kind));
    m_model->setToolTip(tr("What a run fits. The linear regression predicts ratings from the fused features; "
                           "the recommendation models rank items for each user and report ranking metrics "
                           "on held-out interactions."));
    top->addRow(tr("Model:"), m_model);
    layout->addLayout(top);
    m_description = new QLabel(this);
    m_description->setWordWrap(true);
    m_description->setTextFormat(Qt::PlainText);
    m_description->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_description);

    m_rankingOptions = new QWidget(this);
    auto *form = new QFormLayout(m_rankingOptions);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_loss = new QComboBox(m_rankingOptions);
    m_loss->addItem(tr("Squared error on ratings"), int(LossKind::Squared));
    m_loss->addItem(tr("BPR with sampled negatives"), int(LossKind::Bpr));
    m_loss->setToolTip(tr("Squared error fits the rating values. BPR (Bayesian personalized ranking) learns "
                          "to rank each user's items above items they did not interact with — the choice "
                          "for clicks and other implicit feedback."));
    form->addRow(tr("Loss:"), m_loss);

    m_biases = new QCheckBox(tr("user and item biases bᵤ + bᵢ"), m_rankingOptions);
    m_biases->setToolTip(tr("Adds a bias per user and per item to the linear model: how generous each user "
                            "is and how liked each item is beyond its features."));
    form->addRow(tr("Biases:"), m_biases);

    m_factors = new QSpinBox(m_rankingOptions);
    m_factors->setRange(1, 512);
    m_factors->setToolTip(tr("Latent dimension k of the user and item factors pᵤ, qᵢ."));
    form->addRow(tr("Factors k:"), m_factors);

    m_hidden = new QLineEdit(m_rankingOptions);
    m_hidden->setToolTip(tr("Widths of the network's ReLU hidden layers, input side first, e.g. \"64, 32\"; "
                            "\"none\" for no hidden layer."));
    form->addRow(tr("Hidden layers:"), m_hidden);
    m_dropout = new QDoubleSpinBox(m_rankingOptions);
    m_dropout->setRange(0, 0.9);
    m_dropout->setSingleStep(0.05);
    m_dropout->setDecimals(2);
    m_dropout->setToolTip(tr("The probability of dropping a hidden unit in each training step (0: off). "
                             "Scoring always uses the whole network."));
    form->addRow(tr("Dropout:"), m_dropout);
    m_epsilon = new QDoubleSpinBox(m_rankingOptions);
    m_epsilon->setRange(0, 100);
    m_epsilon->setSingleStep(0.05);
    m_epsilon->setDecimals(2);
    m_epsilon->setToolTip(tr("Half-width ε of the SVR's tube: errors smaller than ε cost nothing."));
    form->addRow(tr("Tube ε:"), m_epsilon);
    m_unratedSamples = new QSpinBox(m_rankingOptions);
    m_unratedSamples->setRange(0, 100);
    m_unratedSamples->setToolTip(tr("Per rating, this many items the user has not rated are trained towards 0, "
                                    "so that the SVR ranks what users pick. 0: ratings only, to predict ratings."));
    form->addRow(tr("Unrated samples:"), m_unratedSamples);
    m_userVectors = new QCheckBox(tr("each user's own weights pᵤ"), m_rankingOptions);
    m_userVectors->setToolTip(tr("Adds a weight vector per user to the shared one, (w + pᵤ)ᵀ: without it every user "
                                 "gets the same ranking."));
    form->addRow(tr("Personal:"), m_userVectors);

    m_split = new QComboBox(m_rankingOptions);
    m_split->addItem(tr("Random, per user"), int(RecSplitKind::Random));
    m_split->addItem(tr("Latest per user"), int(RecSplitKind::UserTemporal));
    m_split->addItem(tr("Latest overall (one cut time)"), int(RecSplitKind::GlobalTemporal));
    m_split->addItem(tr("The dataset's own split"), int(RecSplitKind::File));
    m_split->addItem(tr("Cold-start items"), int(RecSplitKind::ColdItems));
    m_split->setToolTip(tr("Which interactions are held out for validation and test. Cold-start items holds "
                           "whole items out of training, so only their content can rank them. The temporal "
                           "splits need timestamps; the dataset's own split needs its labels (MMRec x_label)."));
    form->addRow(tr("Split:"), m_split);

    m_testShare = new QDoubleSpinBox(m_rankingOptions);
    m_testShare->setRange(1, 90);
    m_testShare->setDecimals(0);
    m_testShare->setSuffix(tr(" %"));
    m_testShare->setToolTip(tr("The test share: of each user's interactions, of all interactions (latest "
                               "overall) or of the items (cold-start). A tenth of the rest is validation."));
    form->addRow(tr("Test share:"), m_testShare);

    m_lastK = new QSpinBox(m_rankingOptions);
    m_lastK->setRange(0, 1000);
    m_lastK->setSpecialValueText(tr("use the share"));
    m_lastK->setToolTip(tr("Latest per user: each user's last N interactions are test (and the N before them "
                           "validation). 0 uses the test share instead."));
    form->addRow(tr("Last N:"), m_lastK);

    m_ks = new QLineEdit(m_rankingOptions);
    m_ks->setToolTip(tr("The list lengths K of Precision, Recall, NDCG, HitRate and MAP, e.g. \"10, 20\". "
                        "Early stopping watches NDCG at the first K."));
    form->addRow(tr("Metrics at K:"), m_ks);

    auto *threshold = new QWidget(m_rankingOptions);
    auto *thresholdLayout = new QHBoxLayout(threshold);
    thresholdLayout->setContentsMargins(0, 0, 0, 0);
    m_useThreshold = new QCheckBox(tr("rating ≥"), threshold);
    m_threshold = new QDoubleSpinBox(threshold);
    m_threshold->setRange(-1e6, 1e6);
    m_threshold->setDecimals(1);
    m_useThreshold->setToolTip(tr("Count a test interaction as relevant only when its rating reaches the "
                                  "threshold. Off: every test interaction is relevant (MMRec's protocol)."));
    m_threshold->setToolTip(m_useThreshold->toolTip());
    thresholdLayout->addWidget(m_useThreshold);
    thresholdLayout->addWidget(m_threshold, 1);
    form->addRow(tr("Relevant:"), threshold);

    m_patience = new QSpinBox(m_rankingOptions);
    m_patience->setRange(0, 100000);
    m_patience->setSpecialValueText(tr("off"));
    m_patience->setSuffix(tr(" epochs"));
    m_patience->setToolTip(tr("Early stopping: stop when validation NDCG has not improved for this many epochs, "
                              "and keep the best epoch's parameters."));
    form->addRow(tr("Patience:"), m_patience);
    layout->addWidget(m_rankingOptions);
    layout->addStretch(1);
    // The dock shares its column with the formulas: long model names elide rather than widen it.
    for (QComboBox *box : {m_model, m_loss, m_split}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(14);
    }

    auto onCombo = [this](QComboBox *box, auto apply) {
        connect(box, &QComboBox::currentIndexChanged, this, [this, box, apply] {
            if (m_updating)
                return;
            apply(box->currentData());
            commit();
        });
    };
    onCombo(m_model, [this](const QVariant &v) {
        m_config.kind = ModelKind(v.toInt());
    });
    connect(m_biases, &QCheckBox::toggled, this, [this](bool on) {
        if (m_updating)
            return;
        m_config.linearBiases = on;
        commit();
    });
    onCombo(m_loss, [this](const QVariant &v) { m_config.loss = LossKind(v.toInt()); });
    onCombo(m_split, [this](const QVariant &v) { m_config.split.kind = RecSplitKind(v.toInt()); });
    connect(m_useThreshold, &QCheckBox::toggled, this, [this](bool on) {
        if (m_updating)
            return;
        m_config.useThreshold = on;
        commit();
    });
    auto onEdited = [this](QAbstractSpinBox *box, auto apply) {
        connect(box, &QAbstractSpinBox::editingFinished, this, [this, apply] {
            if (m_updating)
                return;
            const ModelConfig before = m_config;
            apply();
            if (before.factors != m_config.factors || before.split.ratio != m_config.split.ratio
                || before.split.lastK != m_config.split.lastK || before.threshold != m_config.threshold
                || before.patience != m_config.patience)
                commit();
        });
    };
    onEdited(m_factors, [this] { m_config.factors = m_factors->value(); });
    connect(m_dropout, &QAbstractSpinBox::editingFinished, this, [this] {
        if (m_updating || m_dropout->value() == m_config.mlp.dropout)
            return;
        m_config.mlp.dropout = m_dropout->value();
        commit();
    });
    connect(m_epsilon, &QAbstractSpinBox::editingFinished, this, [this] {
        if (m_updating || m_epsilon->value() == m_config.svr.epsilon)
            return;
        m_config.svr.epsilon = m_epsilon->value();
        commit();
    });
    connect(m_unratedSamples, &QAbstractSpinBox::editingFinished, this, [this] {
        if (m_updating || m_unratedSamples->value() == m_config.svr.unratedSamples)
            return;
        m_config.svr.unratedSamples = m_unratedSamples->value();
        commit();
    });
    connect(m_userVectors, &QCheckBox::toggled, this, [this](bool on) {
        if (m_updating)
            return;
        m_config.mlp.userFactors = m_config.svr.userWeights = on;
        commit();
    });
    connect(m_hidden, &QLineEdit::editingFinished, this, [this] {
        if (m_updating)
            return;
        const Result<std::vector<int>> hidden = parseHiddenWidths(m_hidden->text());
        if (!hidden || *hidden == m_config.mlp.hidden) {
            syncWidgets();   // not a list of widths (or unchanged): show the one in force
            return;
        }
        m_config.mlp.hidden = *hidden;
        commit();
    });
    onEdited(m_testShare, [this] { m_config.split.ratio = m_testShare->value() / 100.0; });
    onEdited(m_lastK, [this] { m_config.split.lastK = m_lastK->value(); });
    onEdited(m_threshold, [this] { m_config.threshold = m_threshold->value(); });
    onEdited(m_patience, [this] { m_config.patience = m_patience->value(); });
    connect(m_ks, &QLineEdit::editingFinished, this, [this] {
        if (m_updating)
            return;
        const std::vector<int> ks = parseKs(m_ks->text());
        if (ks.empty() || ks == m_config.ks) {
            syncWidgets();   // not a list of K (or unchanged): show the one in force
            return;
        }
        m_config.ks = ks;
        commit();
    });
    syncWidgets();
}

void ModelPanel::setDatasetCapabilities(bool timestamps, bool ownSplit)
{
    auto *model = qobject_cast<QStandardItemModel *>(m_split->model());
    if (!model)
        return;
    for (int row = 0; row < m_split->count(); ++row) {
        const auto kind = RecSplitKind(m_split->itemData(row).toInt());
        const bool temporal = kind == RecSplitKind::UserTemporal || kind == RecSplitKind::GlobalTemporal;
        const bool possible = temporal ? timestamps : kind == RecSplitKind::File ? ownSplit : true;
        QStandardItem *item = model->item(row);
        item->setEnabled(possible);
        item->setToolTip(possible ? QString()
                         : temporal ? tr("This dataset has no timestamps.")
                                    : tr("This dataset has no train/validation/test labels of its own."));
    }
}

void ModelPanel::setConfig(const ModelConfig &config)
{
    m_config = config;
    syncWidgets();
}

void ModelPanel::commit()
{
    if (!m_config.ks.empty())
        m_config.monitor = MetricKey{QStringLiteral("ndcg"), m_config.ks.front()}.name();
    syncWidgets();
    Q_EMIT configEdited(m_config);
}

void ModelPanel::syncWidgets()
{
    m_updating = true;
    m_model->setCurrentIndex(m_model->findData(int(m_config.kind)));
    m_description->setText(modelDescription(m_config.kind));
    m_description->setVisible(!m_description->text().isEmpty());
    m_rankingOptions->setVisible(!m_config.isLinear());
    m_loss->setCurrentIndex(m_loss->findData(int(m_config.loss)));
    const bool factorModel = isFactorModel(m_config.kind);
    const bool mlp = m_config.kind == ModelKind::Mlp;
    const bool svr = m_config.kind == ModelKind::Svr;
    m_loss->setEnabled(factorModel || mlp);
    const bool linearRanking = m_config.kind == ModelKind::LinearRanking;
    m_biases->setChecked(m_config.linearBiases);
    m_biases->setVisible(linearRanking);
    if (auto *form = qobject_cast<QFormLayout *>(m_rankingOptions->layout()))
        form->setRowVisible(m_biases, linearRanking);
    m_factors->setEnabled(factorModel);
    m_factors->setValue(m_config.factors);
    m_hidden->setText(hiddenWidthsText(m_config.mlp.hidden));
    m_dropout->setValue(m_config.mlp.dropout);
    m_epsilon->setValue(m_config.svr.epsilon);
    m_unratedSamples->setValue(m_config.svr.unratedSamples);
    m_userVectors->setChecked(svr ? m_config.svr.userWeights : m_config.mlp.userFactors);
    if (auto *form = qobject_cast<QFormLayout *>(m_rankingOptions->layout())) {
        form->setRowVisible(m_factors, !mlp && !svr);
        for (QWidget *w : {static_cast<QWidget *>(m_hidden), static_cast<QWidget *>(m_dropout)})
            form->setRowVisible(w, mlp);
        for (QWidget *w : {static_cast<QWidget *>(m_epsilon), static_cast<QWidget *>(m_unratedSamples)})
            form->setRowVisible(w, svr);
        form->setRowVisible(m_userVectors, mlp || svr);
    }
    m_split->setCurrentIndex(m_split->findData(int(m_config.split.kind)));
    m_testShare->setValue(m_config.split.ratio * 100.0);
    m_testShare->setEnabled(m_config.split.kind != RecSplitKind::File
                            && !(m_config.split.kind == RecSplitKind::UserTemporal && m_config.split.lastK > 0));
    m_lastK->setValue(m_config.split.lastK);
    m_lastK->setEnabled(m_config.split.kind == RecSplitKind::UserTemporal);
    QStringList ks;
    for (int k : m_config.ks)
        ks << QString::number(k);
    m_ks->setText(ks.join(QStringLiteral(", ")));
    m_useThreshold->setChecked(m_config.useThreshold);
    m_threshold->setValue(m_config.threshold);
    m_threshold->setEnabled(m_config.useThreshold);
    m_patience->setValue(m_config.patience);
    m_updating = false;
}

} // namespace fl
