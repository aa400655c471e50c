<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>fl::Ablation</name>
    <message>
        <location filename="../../engine/training/Ablation.cpp" line="51"/>
        <source>%1 alone</source>
        <translation>仅 %1</translation>
    </message>
    <message>
        <location filename="../../engine/training/Ablation.cpp" line="55"/>
        <source>all but %1</source>
        <translation>除 %1 外全部</translation>
    </message>
    <message>
        <location filename="../../engine/training/Ablation.cpp" line="59"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../engine/training/Ablation.cpp" line="122"/>
        <source>Switch on at least one modality to ablate.</source>
        <translation>请至少开启一个模态才能进行消融。</translation>
    </message>
    <message>
        <location filename="../../engine/training/Ablation.cpp" line="124"/>
        <source>An ablation needs between 1 and 1000 seeds, not %1.</source>
        <translation>消融需要 1 到 1000 个随机种子，而不是 %1 个。</translation>
    </message>
    <message>
        <location filename="../../engine/training/Ablation.cpp" line="130"/>
        <source>A run of this model has no value &apos;%1&apos;; choose one of %2.</source>
        <translation>该模型的运行不产生值 &apos;%1&apos;；请从 %2 中选择一个。</translation>
    </message>
</context>
<context>
    <name>fl::AblationChart</name>
    <message>
        <location filename="../../ui/AblationChart.cpp" line="70"/>
        <location filename="../../ui/AblationChart.cpp" line="271"/>
        <source>waiting …</source>
        <translation>等待中…</translation>
    </message>
    <message>
        <location filename="../../ui/AblationChart.cpp" line="73"/>
        <location filename="../../ui/AblationChart.cpp" line="279"/>
        <source>  (reference)</source>
        <translation>  （基准）</translation>
    </message>
    <message>
        <location filename="../../ui/AblationChart.cpp" line="174"/>
        <source>No ablation yet: choose the seeds and press Run.</source>
        <translation>尚无消融结果：请选择随机种子数，然后点击“运行”。</translation>
    </message>
    <message>
        <location filename="../../ui/AblationChart.cpp" line="186"/>
        <source>higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <location filename="../../ui/AblationChart.cpp" line="186"/>
        <source>lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <location filename="../../ui/AblationChart.cpp" line="192"/>
        <source>%1 by modality subset · %2</source>
        <translation>各模态子集的 %1 · %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/AblationChart.cpp" line="198"/>
        <source>bars: mean of %n seed(s) · whiskers: lowest to highest seed · Δ: difference to all</source>
        <translation>
            <numerusform>柱：%n 个随机种子的均值 · 须线：各随机种子中的最低值到最高值 · Δ：与全部模态之差</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/AblationChart.cpp" line="201"/>
        <source>%1 (the axis starts at %2)</source>
        <translation>%1（坐标轴从 %2 开始）</translation>
    </message>
    <message>
        <location filename="../../ui/AblationChart.cpp" line="303"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/AblationChart.cpp" line="311"/>
        <source>Export the ablation</source>
        <translation>导出消融结果</translation>
    </message>
    <message>
        <location filename="../../ui/AblationChart.cpp" line="325"/>
        <location filename="../../ui/AblationChart.cpp" line="331"/>
        <source>Modality ablation</source>
        <translation>模态消融</translation>
    </message>
</context>
<context>
    <name>fl::AblationPage</name>
    <message>
        <location filename="../../ui/AblationPage.cpp" line="44"/>
        <source>Seeds</source>
        <translation>随机种子数</translation>
    </message>
    <message>
        <location filename="../../ui/AblationPage.cpp" line="46"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/AblationPage.cpp" line="48"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../ui/AblationPage.cpp" line="49"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/AblationPage.cpp" line="58"/>
        <source>Each subset of modalities over</source>
        <translation>每个模态子集使用</translation>
    </message>
    <message>
        <location filename="../../ui/AblationPage.cpp" line="60"/>
        <source>seeds, judged by</source>
        <translation>个随机种子训练，评价指标为</translation>
    </message>
    <message>
        <location filename="../../ui/AblationPage.cpp" line="78"/>
        <source>Subset</source>
        <translation>子集</translation>
    </message>
    <message>
        <location filename="../../ui/AblationPage.cpp" line="78"/>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location filename="../../ui/AblationPage.cpp" line="78"/>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <location filename="../../ui/AblationPage.cpp" line="78"/>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <location filename="../../ui/AblationPage.cpp" line="78"/>
        <source>Δ to all</source>
        <translation>Δ（相对全部）</translation>
    </message>
    <message>
        <location filename="../../ui/AblationPage.cpp" line="78"/>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <location filename="../../ui/AblationPage.cpp" line="116"/>
        <source>The settings changed, so the ablation was stopped; press Run to start it again.</source>
        <translation>设置已更改，消融已停止；点击“运行”重新开始。</translation>
    </message>
    <message>
        <location filename="../../ui/AblationPage.cpp" line="118"/>
        <source>The settings changed since this ablation ran; press Run to bring it up to date.</source>
        <translation>此次消融之后设置已更改；点击“运行”以更新结果。</translation>
    </message>
    <message>
        <location filename="../../ui/AblationPage.cpp" line="137"/>
        <source>Load a dataset to ablate its modalities.</source>
        <translation>加载数据集后即可对其模态进行消融。</translation>
    </message>
    <message>
        <location filename="../../ui/AblationPage.cpp" line="139"/>
        <source>Switch on at least one modality in the Modalities panel.</source>
        <translation>请在“模态”面板中至少启用一个模态。</translation>
    </message>
    <message>
        <location filename="../../ui/AblationPage.cpp" line="141"/>
        <source>Trains each modality alone, all but each one, and all of them, once per seed, with the current model and settings.</source>
        <translation>使用当前模型和设置，对每个随机种子各训练一次：每个模态单独训练、每次剔除一个模态训练，以及全部模态一起训练。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/AblationPage.cpp" line="173"/>
        <source>Training %n run(s) …</source>
        <translation>
            <numerusform>正在训练 %n 次运行…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/AblationPage.cpp" line="178"/>
        <source>The ablation was cancelled.</source>
        <translation>消融已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/AblationPage.cpp" line="193"/>
        <source>Cancelling … (the runs under way stop at their next epoch)</source>
        <translation>正在取消…（进行中的运行将在下一轮停止）</translation>
    </message>
    <message>
        <location filename="../../ui/AblationPage.cpp" line="215"/>
        <source>Cancelled after %1 of %2 runs.</source>
        <translation>已取消：%2 次运行中完成了 %1 次。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/AblationPage.cpp" line="216"/>
        <source>Done: %n run(s).</source>
        <translation>
            <numerusform>完成：共 %n 次运行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/AblationPage.cpp" line="218"/>
        <source>%n run(s) failed or diverged and are left out of the means.</source>
        <translation>
            <numerusform>%n 次运行失败或发散，已从均值中剔除。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/AblationPage.cpp" line="241"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/AblationPage.cpp" line="274"/>
        <source>%1 / %2 runs</source>
        <translation>%1 / %2 次运行</translation>
    </message>
</context>
<context>
    <name>fl::ChartExport</name>
    <message>
        <location filename="../../ui/ChartExport.cpp" line="23"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/ChartExport.cpp" line="82"/>
        <source>the SVG renderer could not start</source>
        <translation>SVG 渲染器无法启动</translation>
    </message>
    <message>
        <location filename="../../ui/ChartExport.cpp" line="117"/>
        <source>Cannot export to %1: use a .png, .svg or .csv file name.</source>
        <translation>无法导出到 %1：请使用 .png、.svg 或 .csv 文件名。</translation>
    </message>
    <message>
        <location filename="../../ui/ChartExport.cpp" line="124"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/ChartExport.cpp" line="125"/>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../ui/ChartExport.cpp" line="126"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
</context>
<context>
    <name>fl::ContributionBar</name>
    <message>
        <location filename="../../ui/ContributionBar.cpp" line="124"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../ui/ContributionBar.cpp" line="125"/>
        <source>image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../../ui/ContributionBar.cpp" line="126"/>
        <source>price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../ui/ContributionBar.cpp" line="127"/>
        <source>collaborative</source>
        <translation>协同</translation>
    </message>
    <message>
        <location filename="../../ui/ContributionBar.cpp" line="128"/>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <location filename="../../ui/ContributionBar.cpp" line="129"/>
        <source>popularity</source>
        <translation>热门度</translation>
    </message>
    <message>
        <location filename="../../ui/ContributionBar.cpp" line="132"/>
        <source>content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/ContributionBar.cpp" line="134"/>
        <source>personal</source>
        <translation>个性化</translation>
    </message>
    <message>
        <location filename="../../ui/ContributionBar.cpp" line="136"/>
        <source>random</source>
        <translation>随机</translation>
    </message>
</context>
<context>
    <name>fl::CsvReader</name>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="150"/>
        <source>%1: file not found (looked for %2)</source>
        <translation>%1：文件未找到（查找位置：%2）</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="152"/>
        <source>%1: is a folder; expected a CSV file</source>
        <translation>%1：这是一个文件夹；应为 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="154"/>
        <source>%1: is %2, not a regular file; expected a CSV file</source>
        <translation>%1：是%2，不是普通文件；应为 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="157"/>
        <source>%1: leads outside the dataset folder %2 (to %3); expected a file inside it</source>
        <translation>%1：指向数据集文件夹 %2 之外（指向 %3）；应为该文件夹内的文件</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="162"/>
        <location filename="../../engine/data/CsvReader.cpp" line="420"/>
        <source>%1: cannot open: %2</source>
        <translation>%1：无法打开：%2</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="208"/>
        <source>%1:%2: a record longer than %3 MB (no line end, or a quoted field that does not close); expected lines of at most %3 MB</source>
        <translation>%1:%2：记录超过 %3 MB（没有行尾，或引号字段未闭合）；每行应不超过 %3 MB</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="217"/>
        <location filename="../../engine/data/CsvReader.cpp" line="310"/>
        <location filename="../../engine/data/CsvReader.cpp" line="382"/>
        <source>%1: cannot read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="241"/>
        <source>%1: the file is UTF-16 text; expected UTF-8 or Latin-1 (save it as UTF-8)</source>
        <translation>%1：该文件是 UTF-16 文本；应为 UTF-8 或 Latin-1（请将其另存为 UTF-8）</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="249"/>
        <source>set &quot;encoding&quot;: &quot;latin-1&quot; in the manifest if the file is Latin-1</source>
        <translation>如果该文件是 Latin-1 编码，请在清单中设置 &quot;encoding&quot;: &quot;latin-1&quot;</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="251"/>
        <source>%1:%2: expected UTF-8 text; %3</source>
        <translation>%1:%2：应为 UTF-8 文本；%3</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="264"/>
        <source>%1:%2: found the control character 0x1F; expected text with fields separated by %3</source>
        <translation>%1:%2：发现控制字符 0x1F；应为以 %3 分隔字段的文本</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="304"/>
        <source>%1: a multi-byte delimiter needs quoting switched off</source>
        <translation>%1：多字节分隔符要求关闭引号处理</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="306"/>
        <source>%1: invalid delimiter; expected &apos;,&apos;, tab, &apos;;&apos; or &apos;|&apos;</source>
        <translation>%1：分隔符无效；应为 &apos;,&apos;、制表符、&apos;;&apos; 或 &apos;|&apos;</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="332"/>
        <location filename="../../engine/data/CsvReader.cpp" line="334"/>
        <source>expected a header line</source>
        <translation>应为表头行</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="332"/>
        <source>expected a record</source>
        <translation>应为一条记录</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="334"/>
        <source>%1 is empty; %2</source>
        <translation>%1 为空；%2</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="335"/>
        <source>expected at least one record</source>
        <translation>应至少有一条记录</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="376"/>
        <source>%1: nothing to read; open the file first</source>
        <translation>%1：没有可读取的内容；请先打开文件</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="451"/>
        <source>expected %1 fields (header: %2)</source>
        <translation>应为 %1 个字段（表头：%2）</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="454"/>
        <source>expected %1 fields separated by %2 (%3)</source>
        <translation>应为以 %2 分隔的 %1 个字段（%3）</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="457"/>
        <source>expected %1 fields (as on line %2)</source>
        <translation>应为 %1 个字段（与第 %2 行相同）</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="465"/>
        <source>%1:%2: %3 but found a stray quote (&quot;) inside unquoted field %4; a field that contains quotes must be quoted as a whole, with each inner quote doubled</source>
        <translation>%1:%2：%3，但在未加引号的第 %4 个字段中发现了多余的引号 (&quot;)；包含引号的字段必须整体加引号，并把其中的每个引号写成两个</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="469"/>
        <source>%1:%2: %3 but found text after the closing quote of field %4; expected the delimiter %5 or the end of the line</source>
        <translation>%1:%2：%3，但在第 %4 个字段的右引号之后发现了文本；应为分隔符 %5 或行尾</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="473"/>
        <source>%1:%2: %3 but found %4, the last one a quoted field whose quote (line %5) is never closed before the end of the file</source>
        <translation>%1:%2：%3，但发现 %4 个字段，其中最后一个是带引号的字段，其引号（第 %5 行）直到文件末尾都没有闭合</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="477"/>
        <source>%1:%2: more than %3 fields; expected at most %3 columns</source>
        <translation>%1:%2：字段超过 %3 个；最多应有 %3 列</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="640"/>
        <source>%1:%2: %3 but found %4</source>
        <translation>%1:%2：%3，但实际有 %4 个字段</translation>
    </message>
    <message>
        <location filename="../../engine/data/CsvReader.cpp" line="657"/>
        <source>%1: reading cancelled</source>
        <translation>%1：读取已取消</translation>
    </message>
</context>
<context>
    <name>fl::DatasetBrowser</name>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="108"/>
        <location filename="../../ui/DatasetBrowser.cpp" line="110"/>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="111"/>
        <source>timestamps %1 to %2</source>
        <translation>时间戳 %1 至 %2</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="222"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="223"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="224"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="225"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="226"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="227"/>
        <location filename="../../ui/DatasetBrowser.cpp" line="433"/>
        <source>Interactions</source>
        <translation>交互</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="227"/>
        <location filename="../../ui/DatasetBrowser.cpp" line="433"/>
        <source>Ratings</source>
        <translation>评分数</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="228"/>
        <location filename="../../ui/DatasetBrowser.cpp" line="434"/>
        <source>Mean rating</source>
        <translation>平均评分</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="233"/>
        <source>The first line of the “%1” modality that is not the title; the whole text is in the row&apos;s tooltip.</source>
        <translation>“%1”模态中不是标题的第一行；完整文本见该行的工具提示。</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="236"/>
        <source>Interactions with the item</source>
        <translation>该物品的交互次数</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="237"/>
        <source>Mean of the item&apos;s ratings</source>
        <translation>该物品所得评分的平均值</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="368"/>
        <source>This item has no image.</source>
        <translation>此物品没有图像。</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="369"/>
        <source>The image could not be read:
%1</source>
        <translation>无法读取图像：
%1</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="377"/>
        <location filename="../../ui/DatasetBrowser.cpp" line="571"/>
        <source>no image</source>
        <translation>无图像</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="378"/>
        <source>loading image</source>
        <translation>正在加载图像</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="379"/>
        <source>image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="431"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="803"/>
        <source>Search titles and ids</source>
        <translation>搜索标题和 ID</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="805"/>
        <source>Search items</source>
        <translation>搜索物品</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="814"/>
        <source>Items</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="819"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="856"/>
        <location filename="../../ui/DatasetBrowser.cpp" line="1050"/>
        <source>Rating histogram</source>
        <translation>评分直方图</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="857"/>
        <source>Long tail of item popularity</source>
        <translation>物品热门度的长尾分布</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="858"/>
        <source>Modality coverage</source>
        <translation>模态覆盖率</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="876"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="888"/>
        <location filename="../../ui/DatasetBrowser.cpp" line="945"/>
        <location filename="../../ui/DatasetBrowser.cpp" line="1276"/>
        <source>No dataset is loaded.</source>
        <translation>尚未加载数据集。</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="951"/>
        <location filename="../../ui/DatasetBrowser.cpp" line="979"/>
        <source>1 item</source>
        <translation>1 个物品</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="951"/>
        <location filename="../../ui/DatasetBrowser.cpp" line="979"/>
        <source>%1 items</source>
        <translation>%1 个物品</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="952"/>
        <source>1 user</source>
        <translation>1 位用户</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="952"/>
        <source>%1 users</source>
        <translation>%1 位用户</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="953"/>
        <source>1 interaction</source>
        <translation>1 次交互</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="954"/>
        <source>%1 interactions</source>
        <translation>%1 次交互</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="956"/>
        <source>summarizing…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="959"/>
        <source>density %1%</source>
        <translation>密度 %1%</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="961"/>
        <source>implicit feedback</source>
        <translation>隐式反馈</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="963"/>
        <source>ratings %1 to %2, mean %3</source>
        <translation>评分 %1 至 %2，均值 %3</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="969"/>
        <location filename="../../ui/DatasetBrowser.cpp" line="971"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="980"/>
        <source>%1 of %2 items</source>
        <translation>%1 / %2 个物品</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="1041"/>
        <source>&lt;b&gt;Ratings&lt;/b&gt;&lt;br&gt;&lt;br&gt;Implicit feedback: every interaction counts 1, so there is no rating distribution to show.</source>
        <translation>&lt;b&gt;评分&lt;/b&gt;&lt;br&gt;&lt;br&gt;隐式反馈：每次交互都计为 1，因此没有评分分布可显示。</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="1046"/>
        <source>&lt;b&gt;Ratings&lt;/b&gt;&lt;br&gt;&lt;br&gt;This dataset has no ratings.</source>
        <translation>&lt;b&gt;评分&lt;/b&gt;&lt;br&gt;&lt;br&gt;此数据集没有评分。</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="1051"/>
        <location filename="../../ui/DatasetBrowser.cpp" line="1071"/>
        <source>interactions</source>
        <translation>交互次数</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="1069"/>
        <source>rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="1087"/>
        <source>rating %1: %2 interactions (%3%)</source>
        <translation>评分 %1：%2 次交互（%3%）</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="1102"/>
        <source>1 item without any interaction is not drawn.</source>
        <translation>另有 1 个物品没有任何交互，未绘制。</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="1103"/>
        <source>%1 items without any interaction are not drawn.</source>
        <translation>另有 %1 个物品没有任何交互，未绘制。</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="1106"/>
        <source>&lt;b&gt;Long tail&lt;/b&gt;&lt;br&gt;&lt;br&gt;No item has an interaction yet.</source>
        <translation>&lt;b&gt;长尾分布&lt;/b&gt;&lt;br&gt;&lt;br&gt;还没有任何物品有交互。</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="1111"/>
        <source>Long tail: interactions per item</source>
        <translation>长尾分布：每个物品的交互次数</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="1136"/>
        <source>items, most popular first</source>
        <translation>物品（最热门的在前）</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="1145"/>
        <source>interactions (log scale)</source>
        <translation>交互次数（对数刻度）</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="1170"/>
        <source>Every item is a point: its number of interactions, most popular item first, on a logarithmic scale. A steep start and a long flat tail mean that a few items get most of the attention.</source>
        <translation>每个点代表一个物品及其交互次数（对数刻度），最热门的物品在最前。开头陡峭、尾部长而平坦，说明少数物品获得了大部分关注。</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="1175"/>
        <source>The top 20% of items (%1, left of the &lt;span style=&quot;color:%2&quot;&gt;dashed line&lt;/span&gt;) receive &lt;b&gt;%3%&lt;/b&gt; of all interactions.</source>
        <translation>最热门的前 20% 物品（共 %1 个，位于&lt;span style=&quot;color:%2&quot;&gt;虚线&lt;/span&gt;左侧）获得了全部交互的 &lt;b&gt;%3%&lt;/b&gt;。</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="1184"/>
        <source>&lt;b&gt;Modality coverage&lt;/b&gt;&lt;br&gt;&lt;br&gt;This dataset has no item modalities.</source>
        <translation>&lt;b&gt;模态覆盖率&lt;/b&gt;&lt;br&gt;&lt;br&gt;此数据集的物品没有任何模态。</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="1188"/>
        <source>Modality coverage: items that have each modality</source>
        <translation>模态覆盖率：具有各模态的物品</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="1189"/>
        <source>items</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="1202"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="1203"/>
        <source>%1: %2 of %3</source>
        <translation>%1：%2 / %3</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="1210"/>
        <source>@value%</source>
        <translation>@value%</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="1218"/>
        <source>% of items</source>
        <translation>物品占比 (%)</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="1228"/>
        <source>The share of items that have something for each modality; the others count as missing for it.</source>
        <translation>各模态中有内容的物品所占的比例；其余物品在该模态上计为缺失。</translation>
    </message>
    <message>
        <location filename="../../ui/DatasetBrowser.cpp" line="1275"/>
        <source>Summarizing %1 interactions…</source>
        <translation>正在统计 %1 次交互…</translation>
    </message>
</context>
<context>
    <name>fl::DatasetFiles</name>
    <message>
        <location filename="../../engine/data/DatasetFiles.cpp" line="74"/>
        <source>a regular file</source>
        <translation>普通文件</translation>
    </message>
    <message>
        <location filename="../../engine/data/DatasetFiles.cpp" line="75"/>
        <source>not there</source>
        <translation>不存在</translation>
    </message>
    <message>
        <location filename="../../engine/data/DatasetFiles.cpp" line="76"/>
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../engine/data/DatasetFiles.cpp" line="77"/>
        <source>a FIFO (named pipe)</source>
        <translation>FIFO（命名管道）</translation>
    </message>
    <message>
        <location filename="../../engine/data/DatasetFiles.cpp" line="78"/>
        <source>a character device</source>
        <translation>字符设备</translation>
    </message>
    <message>
        <location filename="../../engine/data/DatasetFiles.cpp" line="79"/>
        <source>a block device</source>
        <translation>块设备</translation>
    </message>
    <message>
        <location filename="../../engine/data/DatasetFiles.cpp" line="80"/>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <location filename="../../engine/data/DatasetFiles.cpp" line="83"/>
        <source>a special file</source>
        <translation>特殊文件</translation>
    </message>
    <message>
        <location filename="../../engine/data/DatasetFiles.cpp" line="92"/>
        <source>%1: file not found (looked for %2); expected %3</source>
        <translation>%1：找不到文件（查找位置：%2）；应为 %3</translation>
    </message>
    <message>
        <location filename="../../engine/data/DatasetFiles.cpp" line="93"/>
        <source>%1: is %2, not a regular file; expected %3</source>
        <translation>%1：是%2，不是普通文件；应为 %3</translation>
    </message>
    <message>
        <location filename="../../engine/data/DatasetFiles.cpp" line="123"/>
        <source>%1 is &quot;%2&quot;, outside the dataset folder; paths must be relative and stay inside %3</source>
        <translation>%1 为“%2”，位于数据集文件夹之外；路径必须是相对路径，并且位于 %3 之内</translation>
    </message>
    <message>
        <location filename="../../engine/data/DatasetFiles.cpp" line="137"/>
        <source>%1 is &quot;%2&quot;, a symbolic link that leads outside the dataset folder%3; paths must stay inside %4</source>
        <translation>%1 为“%2”，是指向数据集文件夹之外的符号链接%3；路径必须位于 %4 之内</translation>
    </message>
    <message>
        <location filename="../../engine/data/DatasetFiles.cpp" line="140"/>
        <source> (to %1)</source>
        <translation>（指向 %1）</translation>
    </message>
</context>
<context>
    <name>fl::DatasetImport</name>
    <message>
        <location filename="../../engine/data/DatasetImport.cpp" line="54"/>
        <source>Detect automatically</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location filename="../../engine/data/DatasetImport.cpp" line="55"/>
        <source>Built-in demo</source>
        <translation>内置演示数据</translation>
    </message>
    <message>
        <location filename="../../engine/data/DatasetImport.cpp" line="56"/>
        <source>FusionLab manifest</source>
        <translation>FusionLab 清单</translation>
    </message>
    <message>
        <location filename="../../engine/data/DatasetImport.cpp" line="59"/>
        <source>RecBole atomic files</source>
        <translation>RecBole 原子文件</translation>
    </message>
    <message>
        <location filename="../../engine/data/DatasetImport.cpp" line="109"/>
        <source>%1: could not be loaded: %2</source>
        <translation>%1：无法加载：%2</translation>
    </message>
    <message>
        <location filename="../../engine/data/DatasetImport.cpp" line="121"/>
        <source>%1: no such file or folder; expected a dataset folder or file, or &quot;demo&quot;</source>
        <translation>%1：没有这个文件或文件夹；应为数据集文件夹或文件，或 &quot;demo&quot;</translation>
    </message>
    <message>
        <location filename="../../engine/data/DatasetImport.cpp" line="122"/>
        <source>%1: not a dataset FusionLab recognises; expected a folder or file of one of: a FusionLab manifest (manifest.json), MovieLens (ratings.csv + movies.csv, u.data + u.item, or ratings.dat + movies.dat), MMRec (NAME.inter with userID, itemID, … and *_feat.npy), RecBole atomic files (NAME.inter with name:type headers). For other CSV files, File ▸ Import CSV writes a manifest.</source>
        <translation>%1：不是 FusionLab 能识别的数据集；应为以下格式之一的文件夹或文件：FusionLab 清单（manifest.json）、MovieLens（ratings.csv + movies.csv、u.data + u.item，或 ratings.dat + movies.dat）、MMRec（含 userID、itemID … 列的 NAME.inter 以及 *_feat.npy）、RecBole 原子文件（表头为 name:type 形式的 NAME.inter）。对于其他 CSV 文件，可通过“文件 ▸ 导入 CSV”生成清单。</translation>
    </message>
    <message>
        <location filename="../../engine/data/DatasetImport.cpp" line="150"/>
        <source>%1: unknown dataset format</source>
        <translation>%1：未知的数据集格式</translation>
    </message>
</context>
<context>
    <name>fl::DemoGenerator</name>
    <message>
        <location filename="../../engine/data/DemoGenerator.cpp" line="623"/>
        <location filename="../../engine/data/DemoGenerator.cpp" line="629"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../engine/data/DemoGenerator.cpp" line="569"/>
        <source>Demo dataset: %1</source>
        <translation>演示数据集：%1</translation>
    </message>
    <message>
        <location filename="../../engine/data/DemoGenerator.cpp" line="571"/>
        <source>items must be between %1 and 99,999 (got %2).</source>
        <translation>物品数必须在 %1 到 99,999 之间（实际为 %2）。</translation>
    </message>
    <message>
        <location filename="../../engine/data/DemoGenerator.cpp" line="573"/>
        <source>users must be between 1 and 99,999 (got %1).</source>
        <translation>用户数必须在 1 到 99,999 之间（实际为 %1）。</translation>
    </message>
    <message>
        <location filename="../../engine/data/DemoGenerator.cpp" line="575"/>
        <source>ratings per user must be between 1 and the number of items, %1 (got %2).</source>
        <translation>每个用户的评分数必须在 1 到物品数 %1 之间（实际为 %2）。</translation>
    </message>
    <message>
        <location filename="../../engine/data/DemoGenerator.cpp" line="580"/>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <location filename="../../engine/data/DemoGenerator.cpp" line="639"/>
        <source>Demo with missing modalities: the shares of missing images (%1) and texts (%2) must each be between 0 and 1 and add up to at most 1.</source>
        <translation>缺失模态的演示数据：缺失图像的比例（%1）和缺失文本的比例（%2）都必须在 0 到 1 之间，且两者之和不超过 1。</translation>
    </message>
    <message>
        <location filename="../../engine/data/DemoGenerator.cpp" line="653"/>
        <source>Demo with missing modalities: expected the demo&apos;s &quot;text&quot; and &quot;image&quot; modalities with one entry per item.</source>
        <translation>缺失模态的演示数据：应有演示数据的 &quot;text&quot; 和 &quot;image&quot; 模态，且每个物品各有一项。</translation>
    </message>
    <message>
        <location filename="../../engine/data/DemoGenerator.cpp" line="674"/>
        <source> (%1 items&apos; texts removed)</source>
        <translation>（已删除 %1 个物品的文本）</translation>
    </message>
    <message>
        <location filename="../../engine/data/DemoGenerator.cpp" line="675"/>
        <source> (%1 items&apos; images removed)</source>
        <translation>（已删除 %1 个物品的图像）</translation>
    </message>
    <message>
        <location filename="../../engine/data/DemoGenerator.cpp" line="676"/>
        <source>%1, %2% of images and texts missing</source>
        <translation>%1，缺失 %2% 的图像和文本</translation>
    </message>
</context>
<context>
    <name>fl::DivergenceBanner</name>
    <message>
        <location filename="../../ui/DivergenceBanner.cpp" line="22"/>
        <source>Lower η ×10 and retry</source>
        <translation>将 η 降至 1/10 并重试</translation>
    </message>
    <message>
        <location filename="../../ui/DivergenceBanner.cpp" line="23"/>
        <source>Divide the learning rate by ten and start the run again.</source>
        <translation>将学习率除以 10，然后重新开始运行。</translation>
    </message>
    <message>
        <location filename="../../ui/DivergenceBanner.cpp" line="26"/>
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
</context>
<context>
    <name>fl::Experiment</name>
    <message>
        <location filename="../../engine/training/Experiment.cpp" line="43"/>
        <source>The experiment</source>
        <translation>该实验</translation>
    </message>
    <message>
        <location filename="../../engine/training/Experiment.cpp" line="45"/>
        <source>%1 is not a FusionLab experiment (its &quot;format&quot; is not &quot;%2&quot;).</source>
        <translation>%1 不是 FusionLab 实验（其 &quot;format&quot; 不是 &quot;%2&quot;）。</translation>
    </message>
    <message>
        <location filename="../../engine/training/Experiment.cpp" line="48"/>
        <source>%1: &quot;version&quot; should be a whole number ≥ 1.</source>
        <translation>%1：&quot;version&quot; 应为 ≥ 1 的整数。</translation>
    </message>
    <message>
        <location filename="../../engine/training/Experiment.cpp" line="50"/>
        <source>%1 was written by a newer FusionLab (format version %2; this one reads up to %3).</source>
        <translation>%1 由更新版本的 FusionLab 写入（格式版本 %2；当前版本最多只能读取到版本 %3）。</translation>
    </message>
    <message>
        <location filename="../../engine/training/Experiment.cpp" line="64"/>
        <source>%1, run %2: %3</source>
        <translation>%1，第 %2 个运行：%3</translation>
    </message>
    <message>
        <location filename="../../engine/training/Experiment.cpp" line="80"/>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../engine/training/Experiment.cpp" line="82"/>
        <source>%1 is %2 MB; an experiment file is at most 1024 MB.</source>
        <translation>%1 大小为 %2 MB；实验文件最大为 1024 MB。</translation>
    </message>
    <message>
        <location filename="../../engine/training/Experiment.cpp" line="86"/>
        <source>%1 is not valid JSON at byte %2: %3.</source>
        <translation>%1 在第 %2 字节处不是有效的 JSON：%3。</translation>
    </message>
    <message>
        <location filename="../../engine/training/Experiment.cpp" line="90"/>
        <source>%1 is not a FusionLab experiment (it holds no JSON object).</source>
        <translation>%1 不是 FusionLab 实验（其中没有 JSON 对象）。</translation>
    </message>
</context>
<context>
    <name>fl::FactorModel</name>
    <message>
        <location filename="../../engine/models/FactorModel.cpp" line="278"/>
        <source>BPR</source>
        <translation>BPR</translation>
    </message>
    <message>
        <location filename="../../engine/models/FactorModel.cpp" line="278"/>
        <source>squared loss</source>
        <translation>平方损失</translation>
    </message>
    <message>
        <location filename="../../engine/models/FactorModel.cpp" line="280"/>
        <source>Matrix factorisation (%1)</source>
        <translation>矩阵分解（%1）</translation>
    </message>
    <message>
        <location filename="../../engine/models/FactorModel.cpp" line="281"/>
        <source>Hybrid factorisation with content (%1)</source>
        <translation>结合内容的混合分解（%1）</translation>
    </message>
    <message>
        <location filename="../../engine/models/FactorModel.cpp" line="282"/>
        <source>Content factorisation (%1)</source>
        <translation>纯内容分解（%1）</translation>
    </message>
</context>
<context>
    <name>fl::FormulaPanel</name>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="233"/>
        <source>f&lt;sub&gt;i&lt;/sub&gt; = row i of F ∈ ℝ&lt;sup&gt;%1&lt;/sup&gt;</source>
        <translation>f&lt;sub&gt;i&lt;/sub&gt; = F 的第 i 行 ∈ ℝ&lt;sup&gt;%1&lt;/sup&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="239"/>
        <source>&lt;b&gt;Model&lt;/b&gt;: ŷ&lt;sub&gt;ui&lt;/sub&gt; = b + b&lt;sub&gt;u&lt;/sub&gt; + b&lt;sub&gt;i&lt;/sub&gt; + wᵀf&lt;sub&gt;i&lt;/sub&gt;, %1</source>
        <translation>&lt;b&gt;模型&lt;/b&gt;：ŷ&lt;sub&gt;ui&lt;/sub&gt; = b + b&lt;sub&gt;u&lt;/sub&gt; + b&lt;sub&gt;i&lt;/sub&gt; + wᵀf&lt;sub&gt;i&lt;/sub&gt;，%1</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="240"/>
        <source>&lt;b&gt;Model&lt;/b&gt;: ŷ&lt;sub&gt;ui&lt;/sub&gt; = b + wᵀf&lt;sub&gt;i&lt;/sub&gt;, %1 — the same list for every user</source>
        <translation>&lt;b&gt;模型&lt;/b&gt;：ŷ&lt;sub&gt;ui&lt;/sub&gt; = b + wᵀf&lt;sub&gt;i&lt;/sub&gt;，%1——每个用户得到同一份列表</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="243"/>
        <source>&lt;b&gt;Model&lt;/b&gt;: score(u, i) = number of training interactions of item i</source>
        <translation>&lt;b&gt;模型&lt;/b&gt;：score(u, i) = 物品 i 在训练集中的交互数</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="247"/>
        <source>&lt;b&gt;Model&lt;/b&gt;: score(u, i) = hash(seed, u, i) ∈ [0, 1), a fixed random number: the chance baseline</source>
        <translation>&lt;b&gt;模型&lt;/b&gt;：score(u, i) = hash(seed, u, i) ∈ [0, 1)，固定的随机数：随机基线</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="252"/>
        <source>&lt;b&gt;Model&lt;/b&gt;: ŷ&lt;sub&gt;ui&lt;/sub&gt; = b + b&lt;sub&gt;u&lt;/sub&gt; + b&lt;sub&gt;i&lt;/sub&gt; + (w + p&lt;sub&gt;u&lt;/sub&gt;)ᵀh(f&lt;sub&gt;i&lt;/sub&gt;), h(f) = ReLU(W&lt;sub&gt;2&lt;/sub&gt;·ReLU(W&lt;sub&gt;1&lt;/sub&gt;f + c&lt;sub&gt;1&lt;/sub&gt;) + c&lt;sub&gt;2&lt;/sub&gt;), hidden layers %1, %2</source>
        <translation>&lt;b&gt;模型&lt;/b&gt;：ŷ&lt;sub&gt;ui&lt;/sub&gt; = b + b&lt;sub&gt;u&lt;/sub&gt; + b&lt;sub&gt;i&lt;/sub&gt; + (w + p&lt;sub&gt;u&lt;/sub&gt;)ᵀh(f&lt;sub&gt;i&lt;/sub&gt;)，h(f) = ReLU(W&lt;sub&gt;2&lt;/sub&gt;·ReLU(W&lt;sub&gt;1&lt;/sub&gt;f + c&lt;sub&gt;1&lt;/sub&gt;) + c&lt;sub&gt;2&lt;/sub&gt;)，隐藏层 %1，%2</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="258"/>
        <source>&lt;b&gt;Model&lt;/b&gt;: ŷ&lt;sub&gt;ui&lt;/sub&gt; = b + b&lt;sub&gt;u&lt;/sub&gt; + b&lt;sub&gt;i&lt;/sub&gt; + (w + p&lt;sub&gt;u&lt;/sub&gt;)ᵀf&lt;sub&gt;i&lt;/sub&gt;, %1</source>
        <translation>&lt;b&gt;模型&lt;/b&gt;：ŷ&lt;sub&gt;ui&lt;/sub&gt; = b + b&lt;sub&gt;u&lt;/sub&gt; + b&lt;sub&gt;i&lt;/sub&gt; + (w + p&lt;sub&gt;u&lt;/sub&gt;)ᵀf&lt;sub&gt;i&lt;/sub&gt;，%1</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="261"/>
        <source>&lt;b&gt;Model&lt;/b&gt;: score(u, i) = Σ&lt;sub&gt;j ∈ history(u)&lt;/sub&gt; r&lt;sub&gt;uj&lt;/sub&gt; · cos(f&lt;sub&gt;i&lt;/sub&gt;, f&lt;sub&gt;j&lt;/sub&gt;) over i&apos;s 50 nearest neighbours, %1</source>
        <translation>&lt;b&gt;模型&lt;/b&gt;：score(u, i) = Σ&lt;sub&gt;j ∈ history(u)&lt;/sub&gt; r&lt;sub&gt;uj&lt;/sub&gt; · cos(f&lt;sub&gt;i&lt;/sub&gt;, f&lt;sub&gt;j&lt;/sub&gt;)，只计入 i 的 50 个最近邻，%1</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="266"/>
        <source>&lt;b&gt;Model&lt;/b&gt;: ŷ&lt;sub&gt;ui&lt;/sub&gt; = μ + b&lt;sub&gt;u&lt;/sub&gt; + b&lt;sub&gt;i&lt;/sub&gt; + p&lt;sub&gt;u&lt;/sub&gt;ᵀq&lt;sub&gt;i&lt;/sub&gt;, p, q ∈ ℝ&lt;sup&gt;%1&lt;/sup&gt;</source>
        <translation>&lt;b&gt;模型&lt;/b&gt;：ŷ&lt;sub&gt;ui&lt;/sub&gt; = μ + b&lt;sub&gt;u&lt;/sub&gt; + b&lt;sub&gt;i&lt;/sub&gt; + p&lt;sub&gt;u&lt;/sub&gt;ᵀq&lt;sub&gt;i&lt;/sub&gt;，p, q ∈ ℝ&lt;sup&gt;%1&lt;/sup&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="270"/>
        <source>&lt;b&gt;Model&lt;/b&gt;: ŷ&lt;sub&gt;ui&lt;/sub&gt; = μ + b&lt;sub&gt;u&lt;/sub&gt; + b&lt;sub&gt;i&lt;/sub&gt; + βᵀf&lt;sub&gt;i&lt;/sub&gt; + p&lt;sub&gt;u&lt;/sub&gt;ᵀ(q&lt;sub&gt;i&lt;/sub&gt; + W f&lt;sub&gt;i&lt;/sub&gt;), p, q ∈ ℝ&lt;sup&gt;%1&lt;/sup&gt;, %2</source>
        <translation>&lt;b&gt;模型&lt;/b&gt;：ŷ&lt;sub&gt;ui&lt;/sub&gt; = μ + b&lt;sub&gt;u&lt;/sub&gt; + b&lt;sub&gt;i&lt;/sub&gt; + βᵀf&lt;sub&gt;i&lt;/sub&gt; + p&lt;sub&gt;u&lt;/sub&gt;ᵀ(q&lt;sub&gt;i&lt;/sub&gt; + W f&lt;sub&gt;i&lt;/sub&gt;)，p, q ∈ ℝ&lt;sup&gt;%1&lt;/sup&gt;，%2</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="274"/>
        <source>&lt;b&gt;Model&lt;/b&gt;: ŷ&lt;sub&gt;ui&lt;/sub&gt; = μ + b&lt;sub&gt;u&lt;/sub&gt; + b&lt;sub&gt;i&lt;/sub&gt; + βᵀf&lt;sub&gt;i&lt;/sub&gt; + p&lt;sub&gt;u&lt;/sub&gt;ᵀW f&lt;sub&gt;i&lt;/sub&gt;, p ∈ ℝ&lt;sup&gt;%1&lt;/sup&gt;, %2</source>
        <translation>&lt;b&gt;模型&lt;/b&gt;：ŷ&lt;sub&gt;ui&lt;/sub&gt; = μ + b&lt;sub&gt;u&lt;/sub&gt; + b&lt;sub&gt;i&lt;/sub&gt; + βᵀf&lt;sub&gt;i&lt;/sub&gt; + p&lt;sub&gt;u&lt;/sub&gt;ᵀW f&lt;sub&gt;i&lt;/sub&gt;，p ∈ ℝ&lt;sup&gt;%1&lt;/sup&gt;，%2</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="282"/>
        <source>&lt;b&gt;Loss&lt;/b&gt;: L = 1/N Σ max(0, |ŷ&lt;sub&gt;ui&lt;/sub&gt; − r&lt;sub&gt;ui&lt;/sub&gt;| − ε) + λ/2‖w‖² = &lt;b&gt;%1&lt;/b&gt;: no cost inside the tube |ŷ − r| ≤ ε = %2</source>
        <translation>&lt;b&gt;损失&lt;/b&gt;：L = 1/N Σ max(0, |ŷ&lt;sub&gt;ui&lt;/sub&gt; − r&lt;sub&gt;ui&lt;/sub&gt;| − ε) + λ/2‖w‖² = &lt;b&gt;%1&lt;/b&gt;：间隔带 |ŷ − r| ≤ ε = %2 内的误差不计损失</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="285"/>
        <source>inside the tube: &lt;b&gt;%1%&lt;/b&gt; of the training examples (they do not move w); the other %2% are the support vectors</source>
        <translation>间隔带内：&lt;b&gt;%1%&lt;/b&gt; 的训练样本（它们不会改变 w）；其余 %2% 是支持向量</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="291"/>
        <source>&lt;b&gt;Loss&lt;/b&gt;: L = −1/N Σ ln σ(ŷ&lt;sub&gt;ui&lt;/sub&gt; − ŷ&lt;sub&gt;uj&lt;/sub&gt;) + λ/2‖Θ‖² = &lt;b&gt;%1&lt;/b&gt;, j an item u has not seen</source>
        <translation>&lt;b&gt;损失&lt;/b&gt;：L = −1/N Σ ln σ(ŷ&lt;sub&gt;ui&lt;/sub&gt; − ŷ&lt;sub&gt;uj&lt;/sub&gt;) + λ/2‖Θ‖² = &lt;b&gt;%1&lt;/b&gt;，j 为用户 u 未交互过的物品</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="294"/>
        <source>&lt;b&gt;Loss&lt;/b&gt;: L = 1/N Σ ½(ŷ&lt;sub&gt;ui&lt;/sub&gt; − r&lt;sub&gt;ui&lt;/sub&gt;)² + λ/2‖Θ‖² = &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;损失&lt;/b&gt;：L = 1/N Σ ½(ŷ&lt;sub&gt;ui&lt;/sub&gt; − r&lt;sub&gt;ui&lt;/sub&gt;)² + λ/2‖Θ‖² = &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="298"/>
        <source>Θ ← Θ − η∇L (all interactions)</source>
        <translation>Θ ← Θ − η∇L（全部交互）</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="299"/>
        <source>Θ ← Θ − η∇L&lt;sub&gt;batch&lt;/sub&gt;</source>
        <translation>Θ ← Θ − η∇L&lt;sub&gt;batch&lt;/sub&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="300"/>
        <source>v ← 0.9v + ∇L&lt;sub&gt;batch&lt;/sub&gt;, Θ ← Θ − ηv</source>
        <translation>v ← 0.9v + ∇L&lt;sub&gt;batch&lt;/sub&gt;, Θ ← Θ − ηv</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="302"/>
        <source>Adam: Θ ← Θ − η · (m / (1 − β&lt;sub&gt;1&lt;/sub&gt;&lt;sup&gt;t&lt;/sup&gt;)) / (√(v / (1 − β&lt;sub&gt;2&lt;/sub&gt;&lt;sup&gt;t&lt;/sup&gt;)) + ε)</source>
        <translation>Adam：Θ ← Θ − η · (m / (1 − β&lt;sub&gt;1&lt;/sub&gt;&lt;sup&gt;t&lt;/sup&gt;)) / (√(v / (1 − β&lt;sub&gt;2&lt;/sub&gt;&lt;sup&gt;t&lt;/sup&gt;)) + ε)</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="305"/>
        <source>&lt;b&gt;Update&lt;/b&gt;: %1, &amp;nbsp;%2, %3%4</source>
        <translation>&lt;b&gt;更新&lt;/b&gt;：%1，&amp;nbsp;%2，%3%4</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="306"/>
        <location filename="../../ui/FormulaPanel.cpp" line="409"/>
        <source>η = &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>η = &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="307"/>
        <location filename="../../ui/FormulaPanel.cpp" line="412"/>
        <source>λ = %1</source>
        <translation>λ = %1</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="308"/>
        <location filename="../../ui/FormulaPanel.cpp" line="410"/>
        <source>, epoch %1</source>
        <translation>，第 %1 轮</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="311"/>
        <source>&lt;b&gt;Validation&lt;/b&gt; %1 = &lt;b&gt;%2&lt;/b&gt; at epoch %3; best %4 at epoch %5</source>
        <translation>&lt;b&gt;验证&lt;/b&gt;：第 %3 轮 %1 = &lt;b&gt;%2&lt;/b&gt;；最佳值 %4（第 %5 轮）</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="315"/>
        <source>&lt;b&gt;Validation&lt;/b&gt;: %1 on held-out interactions, every epoch</source>
        <translation>&lt;b&gt;验证&lt;/b&gt;：每轮在留出的交互上计算 %1</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="333"/>
        <source>&lt;b&gt;Text&lt;/b&gt;: %1 = W·V&lt;sup&gt;T&lt;/sup&gt; &amp;nbsp;(%2) = (%3)·(%4)</source>
        <translation>&lt;b&gt;文本&lt;/b&gt;：%1 = W·V&lt;sup&gt;T&lt;/sup&gt; &amp;nbsp;(%2) = (%3)·(%4)</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="337"/>
        <source>W: TF-IDF of the %1 items with %2 over %3 terms; V: the %4 leading term directions of W (LSA), so %5 = U&lt;sub&gt;k&lt;/sub&gt;Σ&lt;sub&gt;k&lt;/sub&gt;%6</source>
        <translation>W：具有 %2 的 %1 个物品在 %3 个词项上的 TF-IDF；V：W 的前 %4 个主词项方向（LSA），因此 %5 = U&lt;sub&gt;k&lt;/sub&gt;Σ&lt;sub&gt;k&lt;/sub&gt;%6</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="341"/>
        <source>; items without text get the mean row</source>
        <translation>；没有文本的物品取均值行</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="363"/>
        <source> off</source>
        <translation> 已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="377"/>
        <source>&lt;b&gt;Fusion&lt;/b&gt;: no modality is switched on</source>
        <translation>&lt;b&gt;融合&lt;/b&gt;：没有开启任何模态</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="378"/>
        <source>&lt;b&gt;Fusion&lt;/b&gt;: F = %1 = %2</source>
        <translation>&lt;b&gt;融合&lt;/b&gt;：F = %1 = %2</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="389"/>
        <source>&lt;b&gt;Learned weights&lt;/b&gt;: α&lt;sub&gt;k&lt;/sub&gt; = s·softmax(θ)&lt;sub&gt;k&lt;/sub&gt;, trained with the model from the values above, their sum s kept</source>
        <translation>&lt;b&gt;学习的权重&lt;/b&gt;：α&lt;sub&gt;k&lt;/sub&gt; = s·softmax(θ)&lt;sub&gt;k&lt;/sub&gt;，从上面的值出发与模型一起训练，保持其和 s 不变</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="391"/>
        <source>&lt;b&gt;Learned weights&lt;/b&gt;: %1 &amp;nbsp;(α&lt;sub&gt;k&lt;/sub&gt; = s·softmax(θ)&lt;sub&gt;k&lt;/sub&gt;, sum kept)</source>
        <translation>&lt;b&gt;学习的权重&lt;/b&gt;：%1 &amp;nbsp;（α&lt;sub&gt;k&lt;/sub&gt; = s·softmax(θ)&lt;sub&gt;k&lt;/sub&gt;，和保持不变）</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="401"/>
        <source>&lt;b&gt;Model&lt;/b&gt;: f(x&lt;sub&gt;i&lt;/sub&gt;; W) = W&lt;sup&gt;T&lt;/sup&gt;x&lt;sub&gt;i&lt;/sub&gt; + b, x&lt;sub&gt;i&lt;/sub&gt; = row i of F ∈ ℝ&lt;sup&gt;%1&lt;/sup&gt;</source>
        <translation>&lt;b&gt;模型&lt;/b&gt;：f(x&lt;sub&gt;i&lt;/sub&gt;; W) = W&lt;sup&gt;T&lt;/sup&gt;x&lt;sub&gt;i&lt;/sub&gt; + b，x&lt;sub&gt;i&lt;/sub&gt; = F 的第 i 行 ∈ ℝ&lt;sup&gt;%1&lt;/sup&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="404"/>
        <source>&lt;b&gt;Loss&lt;/b&gt;: L = 1/(2N) Σ&lt;sub&gt;i=1…N&lt;/sub&gt; (y&lt;sub&gt;i&lt;/sub&gt; − f(x&lt;sub&gt;i&lt;/sub&gt;; W))² = &lt;b&gt;%1&lt;/b&gt; &amp;nbsp;(N = %2)</source>
        <translation>&lt;b&gt;损失&lt;/b&gt;：L = 1/(2N) Σ&lt;sub&gt;i=1…N&lt;/sub&gt; (y&lt;sub&gt;i&lt;/sub&gt; − f(x&lt;sub&gt;i&lt;/sub&gt;; W))² = &lt;b&gt;%1&lt;/b&gt; &amp;nbsp;(N = %2)</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="406"/>
        <source>validation loss %1 on %2 held-out ratings</source>
        <translation>在 %2 条留出评分上的验证损失为 %1</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="408"/>
        <source>&lt;b&gt;Update&lt;/b&gt;: W ← W − η∇&lt;sub&gt;W&lt;/sub&gt;L, &amp;nbsp;%1%2</source>
        <translation>&lt;b&gt;更新&lt;/b&gt;：W ← W − η∇&lt;sub&gt;W&lt;/sub&gt;L，&amp;nbsp;%1%2</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="412"/>
        <source>with L2: + λ/2·‖W‖², %1</source>
        <translation>加 L2 正则：+ λ/2·‖W‖²，%1</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="414"/>
        <source>&lt;b&gt;Closed form&lt;/b&gt;: (XᵀX/N + λI) W* = Xᵀy/N gives L* = &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;闭式解&lt;/b&gt;：由 (XᵀX/N + λI) W* = Xᵀy/N 得 L* = &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/FormulaPanel.cpp" line="415"/>
        <source>Gradient descent converges for η &amp;lt; 2/λ&lt;sub&gt;max&lt;/sub&gt; = %1</source>
        <translation>当 η &amp;lt; 2/λ&lt;sub&gt;max&lt;/sub&gt; = %1 时，梯度下降收敛</translation>
    </message>
</context>
<context>
    <name>fl::Fusion</name>
    <message>
        <location filename="../../engine/fusion/Fusion.cpp" line="144"/>
        <source>Fusion needs at least one modality; all are switched off.</source>
        <translation>融合至少需要一个模态；目前所有模态都已关闭。</translation>
    </message>
    <message>
        <location filename="../../engine/fusion/Fusion.cpp" line="148"/>
        <source>planFusion: modality &apos;%1&apos; has %2 rows but &apos;%3&apos; has %4; every modality needs one row per item.</source>
        <translation>planFusion：模态 &apos;%1&apos; 有 %2 行，而 &apos;%3&apos; 有 %4 行；每个模态都需要每个物品一行。</translation>
    </message>
    <message>
        <location filename="../../engine/fusion/Fusion.cpp" line="151"/>
        <source>planFusion: modality &apos;%1&apos; has no columns.</source>
        <translation>planFusion：模态 &apos;%1&apos; 没有列。</translation>
    </message>
    <message>
        <location filename="../../engine/fusion/Fusion.cpp" line="178"/>
        <source>Common width %1 is wider than every modality; using %2.</source>
        <translation>公共宽度 %1 比所有模态都宽；改用 %2。</translation>
    </message>
    <message>
        <location filename="../../engine/fusion/Fusion.cpp" line="196"/>
        <source>%1: %2 → %3 columns by PCA (keeps %4% of its variance), then standardised.</source>
        <translation>%1：经 PCA 从 %2 列降到 %3 列（保留 %4% 的方差），然后标准化。</translation>
    </message>
    <message>
        <location filename="../../engine/fusion/Fusion.cpp" line="202"/>
        <source>%1: %2 → %3 columns, padded with zeros.</source>
        <translation>%1：%2 → %3 列，用零填充。</translation>
    </message>
    <message>
        <location filename="../../engine/fusion/Fusion.cpp" line="219"/>
        <source>Zero padding makes the padded columns of the product zero.</source>
        <translation>零填充会使逐元素乘积中被填充的列全为零。</translation>
    </message>
</context>
<context>
    <name>fl::FusionPipeline</name>
    <message>
        <location filename="../../engine/fusion/FusionPipeline.cpp" line="52"/>
        <source>%1 or %2</source>
        <translation>%1 或 %2</translation>
    </message>
    <message>
        <location filename="../../engine/fusion/FusionPipeline.cpp" line="54"/>
        <source>%1 overflows with %2: the fused features are not finite numbers (or their squares are not); lower %3.</source>
        <translation>%1 在 %2 时溢出：融合特征（或其平方）不是有限数；请减小 %3。</translation>
    </message>
    <message>
        <location filename="../../engine/fusion/FusionPipeline.cpp" line="146"/>
        <source>The dataset has no modality named &apos;%1&apos;.</source>
        <translation>数据集中没有名为 &apos;%1&apos; 的模态。</translation>
    </message>
    <message>
        <location filename="../../engine/fusion/FusionPipeline.cpp" line="174"/>
        <source>%1 column(s) from %2, used as they are</source>
        <translation>来自 %2 的 %1 列，按原样使用</translation>
    </message>
    <message>
        <location filename="../../engine/fusion/FusionPipeline.cpp" line="215"/>
        <source>%1: %2 items without it are zeros, with a &quot;missing&quot; column added.</source>
        <translation>%1：缺少该模态的 %2 个物品取零值，并添加了一个 &quot;missing&quot; 列。</translation>
    </message>
    <message>
        <location filename="../../engine/fusion/FusionPipeline.cpp" line="227"/>
        <source>Switch on at least one modality: there is nothing to fuse.</source>
        <translation>请至少开启一个模态：当前没有可融合的内容。</translation>
    </message>
    <message>
        <location filename="../../engine/fusion/FusionPipeline.cpp" line="284"/>
        <source>The dataset &apos;%1&apos; has no interactions to train on.</source>
        <translation>数据集 &apos;%1&apos; 没有可用于训练的交互。</translation>
    </message>
    <message>
        <location filename="../../engine/fusion/FusionPipeline.cpp" line="331"/>
        <source>Leaving out items with missing data leaves no training interactions: every rated item lacks one of the fused modalities. Choose mean imputation or a missing indicator instead.</source>
        <translation>剔除含缺失数据的物品后没有训练交互了：每个被评分的物品都缺少某个参与融合的模态。请改用均值填补或缺失指示列。</translation>
    </message>
    <message>
        <location filename="../../engine/fusion/FusionPipeline.cpp" line="335"/>
        <source>The split leaves no training interactions (validation fraction %1).</source>
        <translation>该划分没有留下任何训练交互（验证比例 %1）。</translation>
    </message>
    <message>
        <location filename="../../engine/fusion/FusionPipeline.cpp" line="365"/>
        <source>Left out %L1 of %L2 interactions, those of the %L3 item(s) lacking a fused modality.</source>
        <translation>已剔除 %L2 条交互中的 %L1 条，即缺少参与融合模态的 %L3 个物品的交互。</translation>
    </message>
</context>
<context>
    <name>fl::FusionWeights</name>
    <message>
        <location filename="../../engine/fusion/Fusion.cpp" line="268"/>
        <source>Fusion weights can be learned for sum and concatenation, not for the product: F = (Πₖ αₖ)·(E₁ ⊙ E₂ ⊙ …) depends on the weights only through their product, so there is no mix to learn.</source>
        <translation>融合权重只能在加权求和与拼接下学习，不能用于乘积：F = (Πₖ αₖ)·(E₁ ⊙ E₂ ⊙ …) 只通过权重之积依赖权重，没有可学习的配比。</translation>
    </message>
    <message>
        <location filename="../../engine/fusion/Fusion.cpp" line="273"/>
        <source>Learned fusion weights start from the chosen ones, which must be finite and not negative (one is %1).</source>
        <translation>学习融合权重从所选权重出发，所选权重必须是有限且非负的数（其中一个为 %1）。</translation>
    </message>
    <message>
        <location filename="../../engine/fusion/Fusion.cpp" line="278"/>
        <source>Learned fusion weights keep the chosen weights&apos; sum, which must be positive; every weight is 0.</source>
        <translation>学习融合权重会保持所选权重之和，该和必须为正；现在所有权重都为 0。</translation>
    </message>
</context>
<context>
    <name>fl::ImageEmbedder</name>
    <message>
        <location filename="../../engine/embedding/ImageEmbedder.cpp" line="64"/>
        <source>Image modality &apos;%1&apos;: %2</source>
        <translation>图像模态 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/ImageEmbedder.cpp" line="66"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/ImageEmbedder.cpp" line="70"/>
        <source>the missing mask has %1 entries for %2 images.</source>
        <translation>缺失掩码有 %1 项，而图像有 %2 张。</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/ImageEmbedder.cpp" line="72"/>
        <source>the grid must be between 1 and 64 cells per side (got %1).</source>
        <translation>网格每边必须有 1 到 64 个格子（实际为 %1）。</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/ImageEmbedder.cpp" line="74"/>
        <source>the histogram needs 1 to 16 bins per channel (got %1).</source>
        <translation>直方图每个通道需要 1 到 16 个分箱（实际为 %1）。</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/ImageEmbedder.cpp" line="76"/>
        <source>there are no images.</source>
        <translation>没有任何图像。</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/ImageEmbedder.cpp" line="138"/>
        <source>no image could be read (%1 items</source>
        <translation>无法读取任何图像 (共 %1 个物品</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/ImageEmbedder.cpp" line="140"/>
        <source>, %1 without an image path</source>
        <translation>，%1 个没有图像路径</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/ImageEmbedder.cpp" line="142"/>
        <source>, %1 not found, e.g. %2</source>
        <translation>，%1 个未找到，例如 %2</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/ImageEmbedder.cpp" line="144"/>
        <source>, %1 could not be decoded, e.g. %2</source>
        <translation>，%1 个无法解码，例如 %2</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/ImageEmbedder.cpp" line="158"/>
        <source>Mean colour (R, G, B) on a %1×%1 grid: %2 values per image, from %L3 images</source>
        <translation>%1×%1 网格上的平均颜色（R, G, B）：每张图像 %2 个值，来自 %L3 张图像</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/ImageEmbedder.cpp" line="162"/>
        <source>Joint RGB histogram with %1 bins per channel: %2 values per image, from %L3 images</source>
        <translation>每通道 %1 个分箱的联合 RGB 直方图：每张图像 %2 个值，来自 %L3 张图像</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/ImageEmbedder.cpp" line="166"/>
        <source>Mean colour on a %1×%1 grid and a joint RGB histogram with %2 bins per channel: %3 values per image, from %L4 images</source>
        <translation>%1×%1 网格上的平均颜色与每通道 %2 个分箱的联合 RGB 直方图：每张图像 %3 个值，来自 %L4 张图像</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/ImageEmbedder.cpp" line="173"/>
        <source>%L1 of %L2 items have no image; they get the mean image vector.</source>
        <translation>%L2 个物品中有 %L1 个没有图像；它们使用平均图像向量。</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/ImageEmbedder.cpp" line="175"/>
        <source>%L1 of %L2 image files were not found (treated as missing, given the mean image vector): %3</source>
        <translation>%L2 个图像文件中有 %L1 个未找到（视为缺失，使用平均图像向量）：%3</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/ImageEmbedder.cpp" line="178"/>
        <source>could not decode %L1 of %L2 images (treated as missing, given the mean image vector): %3</source>
        <translation>%L2 张图像中有 %L1 张无法解码（视为缺失，使用平均图像向量）：%3</translation>
    </message>
</context>
<context>
    <name>fl::ImportDialog</name>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="86"/>
        <source>Import Dataset</source>
        <translation>导入数据集</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="96"/>
        <source>Dataset &amp;name:</source>
        <translation>数据集名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="99"/>
        <source>shown in the window&apos;s title</source>
        <translation>显示在窗口标题中</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="112"/>
        <source>&amp;1 Interactions</source>
        <translation>&amp;1 交互数据</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="113"/>
        <source>&amp;2 Items</source>
        <translation>&amp;2 物品数据</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="114"/>
        <source>&amp;3 Images and vectors</source>
        <translation>&amp;3 图像和向量</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="132"/>
        <source>Checking the manifest…</source>
        <translation>正在检查清单文件…</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="137"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="140"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="197"/>
        <source>The items file has one row per item: its id, and the title, text, numbers and image paths that become the item&apos;s modalities.</source>
        <translation>物品文件每行对应一个物品：包括物品 ID，以及将成为物品模态的标题、文本、数值和图像路径。</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="199"/>
        <source>The interactions file has one row per user and item: a rating, or a click or purchase (implicit feedback).</source>
        <translation>交互文件每行对应一对用户和物品：一个评分，或者一次点击或购买（隐式反馈）。</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="208"/>
        <source>Choose the items file (CSV or TSV)…</source>
        <translation>选择物品文件（CSV 或 TSV）…</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="209"/>
        <source>Choose the interactions file (CSV or TSV)…</source>
        <translation>选择交互文件（CSV 或 TSV）…</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="210"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="212"/>
        <source>B&amp;rowse…</source>
        <translation>浏览(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="216"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="232"/>
        <source>Comma  ,</source>
        <translation>逗号  ,</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="233"/>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="234"/>
        <source>Semicolon  ;</source>
        <translation>分号  ;</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="235"/>
        <source>Pipe  |</source>
        <translation>竖线  |</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="236"/>
        <source>Other:</source>
        <translation>其他：</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="244"/>
        <location filename="../../ui/ImportDialog.cpp" line="549"/>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="245"/>
        <source>Latin-1 (ISO 8859-1)</source>
        <translation>Latin-1 (ISO 8859-1)</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="246"/>
        <source>First row is a header</source>
        <translation>首行为表头</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="248"/>
        <source>Quoted fields (RFC 4180)</source>
        <translation>字段带引号 (RFC 4180)</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="250"/>
        <source>On: &quot;…&quot; encloses a field that may hold the delimiter, line breaks and doubled quotes. Off: quotes are ordinary characters.</source>
        <translation>开启：&quot;…&quot; 包围一个字段，字段中可以含有分隔符、换行和成对重复的引号。关闭：引号是普通字符。</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="252"/>
        <source>Delimiter:</source>
        <translation>分隔符：</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="254"/>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="303"/>
        <source>The title column also feeds the text modality</source>
        <translation>标题列也并入文本模态</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="315"/>
        <source>e.g. images/{item_id}.jpg: {column} placeholders name items columns; relative to the items file&apos;s folder</source>
        <translation>例如 images/{item_id}.jpg：{列名} 占位符指物品文件中的列；路径相对于物品文件所在的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="323"/>
        <source>Image folder &amp;pattern:</source>
        <translation>图像路径模式(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="331"/>
        <source>Modality name</source>
        <translation>模态名称</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="331"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="331"/>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="340"/>
        <source>&amp;Add .npy…</source>
        <translation>添加 .npy(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="341"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="348"/>
        <source>&amp;Vectors (.npy):</source>
        <translation>向量 (.npy)(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="351"/>
        <source>Each .npy file is a matrix with one row of numbers per item, in the items file&apos;s order; it becomes a modality of kind “vectors”.</source>
        <translation>每个 .npy 文件是一个矩阵，每个物品一行数字，顺序与物品文件相同；它会成为一个“向量”类型的模态。</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="360"/>
        <source>Add Vectors Files</source>
        <translation>添加向量文件</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="362"/>
        <source>NumPy arrays (*.npy)</source>
        <translation>NumPy 数组 (*.npy)</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="388"/>
        <source>Choose the Items File</source>
        <translation>选择物品文件</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="388"/>
        <source>Choose the Interactions File</source>
        <translation>选择交互文件</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="389"/>
        <source>Tables (*.csv *.tsv *.tab *.txt *.dat *.data *.item);;All files (*)</source>
        <translation>表格 (*.csv *.tsv *.tab *.txt *.dat *.data *.item);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="530"/>
        <source>No items file. The manifest format needs one: an items table with an id column (items.file, items.id). Item ids cannot come from the interactions file alone.</source>
        <translation>没有物品文件。清单格式需要一个物品文件：一张带 ID 列的物品表（items.file、items.id）。物品 ID 不能只从交互文件中获得。</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="532"/>
        <source>No interactions file.</source>
        <translation>没有交互文件。</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="540"/>
        <source>Preview: all of %1 (%2, rows: %3).</source>
        <translation>预览：%1 的全部内容（%2，共 %3 行）。</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="542"/>
        <source>Preview: the first %1 rows of %2 (%3).</source>
        <translation>预览：%2 的前 %1 行（%3）。</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="544"/>
        <source>Preview: the first %1 rows of %2 (%3; the preview reads only its first %4).</source>
        <translation>预览：%2 的前 %1 行（%3；预览只读取文件开头的 %4）。</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="547"/>
        <source>Detected: %1, %2, %3.</source>
        <translation>检测结果：%1，%2，%3。</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="549"/>
        <source>Latin-1</source>
        <translation>Latin-1</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="550"/>
        <source>header row</source>
        <translation>有表头行</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="550"/>
        <source>no header row</source>
        <translation>无表头行</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="552"/>
        <source>The first bytes are not valid UTF-8, so Latin-1 is suggested.</source>
        <translation>文件开头的字节不是有效的 UTF-8，因此建议使用 Latin-1。</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="554"/>
        <source>Quotes inside fields look like plain text, so quoting is off.</source>
        <translation>字段中的引号看起来是普通文本，因此已关闭引号解析。</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="572"/>
        <source>Role</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="576"/>
        <source>Line numbers in the file</source>
        <translation>文件中的行号</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="603"/>
        <location filename="../../ui/ImportDialog.cpp" line="605"/>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="603"/>
        <source>User id</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="603"/>
        <location filename="../../ui/ImportDialog.cpp" line="605"/>
        <source>Item id</source>
        <translation>物品 ID</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="603"/>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="603"/>
        <source>Timestamp</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="605"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="605"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="605"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="605"/>
        <source>Numeric</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="605"/>
        <source>Image path</source>
        <translation>图像路径</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="611"/>
        <source>What column %1 holds. Without a rating column the data is implicit feedback.</source>
        <translation>列 %1 的内容。没有评分列时，数据视为隐式反馈。</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="613"/>
        <source>What column %1 holds. Several Text columns are joined; several Numeric columns form one numeric modality.</source>
        <translation>列 %1 的内容。多个文本列会拼接在一起；多个数值列组成一个数值模态。</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="759"/>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="793"/>
        <source>Not a column of the items file: %1</source>
        <translation>不是物品文件中的列：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="795"/>
        <source>No previewed item has the placeholders&apos; values.</source>
        <translation>预览中没有任何物品具有占位符所需的值。</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="797"/>
        <source>Images found: all %1 previewed items.</source>
        <translation>已找到图像：预览中的全部 %1 个物品。</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="799"/>
        <source>Images found: %1 of %2 previewed items; missing, for example: %3</source>
        <translation>已找到图像：预览中 %2 个物品里的 %1 个；缺失的例如：%3</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="804"/>
        <source>Choose an items file first.</source>
        <translation>请先选择物品文件。</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="806"/>
        <source>No images. Missing image files are allowed: such items get the average image features.</source>
        <translation>没有图像。允许缺失图像文件：这类物品将使用平均图像特征。</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="814"/>
        <source>Several Text columns are joined into one text per item; several Numeric columns form one numeric modality; empty numeric cells count as missing.</source>
        <translation>多个文本列会拼接成每个物品的一段文本；多个数值列组成一个数值模态；空的数值单元格计为缺失。</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="833"/>
        <source>Ready: Save writes %1 and loads it to check it.</source>
        <translation>就绪：“保存”会写入 %1，并加载它进行检查。</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="838"/>
        <source>(and %1 more)</source>
        <translation>（另有 %1 项）</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="862"/>
        <source>Explicit feedback: the ratings are in column %1.</source>
        <translation>显式反馈：评分位于列 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="866"/>
        <source>Implicit feedback: no rating column, so every interaction counts as a rating of 1.</source>
        <translation>隐式反馈：没有评分列，因此每次交互都计为评分 1。</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="883"/>
        <source>Folder Not Writable</source>
        <translation>文件夹不可写</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="884"/>
        <source>FusionLab cannot write to %1. Save the manifest somewhere else? Its paths will point back to the data.</source>
        <translation>FusionLab 无法写入 %1。要将清单保存到其他位置吗？清单中的路径仍会指向原来的数据。</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="894"/>
        <source>Replace Manifest?</source>
        <translation>替换清单？</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="895"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换它吗？</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="901"/>
        <source>Cannot Save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="903"/>
        <source>Save the manifest somewhere else?</source>
        <translation>要将清单保存到其他位置吗？</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="915"/>
        <source>Save Manifest As</source>
        <translation>清单另存为</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="916"/>
        <source>FusionLab manifest (*.json)</source>
        <translation>FusionLab 清单文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="942"/>
        <source>Saved %1; loading it to check it…</source>
        <translation>已保存 %1；正在加载以进行检查…</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="966"/>
        <source>The manifest was saved, but FusionLab cannot load it:
%1</source>
        <translation>清单已保存，但 FusionLab 无法加载它：
%1</translation>
    </message>
    <message>
        <location filename="../../ui/ImportDialog.cpp" line="974"/>
        <source>%1 loads: %2 items, %3 users, %4 interactions.</source>
        <translation>%1 加载成功：%2 个物品、%3 位用户、%4 次交互。</translation>
    </message>
</context>
<context>
    <name>fl::Interactions</name>
    <message>
        <location filename="../../engine/data/Interactions.cpp" line="34"/>
        <source>%1:%2: empty rating in column &quot;%3&quot;; expected a number such as 4 or 3.5</source>
        <translation>%1:%2：列 &quot;%3&quot; 中的评分为空；应为数字，例如 4 或 3.5</translation>
    </message>
    <message>
        <location filename="../../engine/data/Interactions.cpp" line="38"/>
        <source>is not a finite number; expected a finite number</source>
        <translation>不是有限数；应为有限数</translation>
    </message>
    <message>
        <location filename="../../engine/data/Interactions.cpp" line="39"/>
        <source>is not a number; expected a number such as 4 or 3.5</source>
        <translation>不是数字；应为数字，例如 4 或 3.5</translation>
    </message>
    <message>
        <location filename="../../engine/data/Interactions.cpp" line="40"/>
        <source>%1:%2: rating &quot;%3&quot; in column &quot;%4&quot; %5</source>
        <translation>%1:%2：列 &quot;%4&quot; 中的评分 &quot;%3&quot; %5</translation>
    </message>
    <message>
        <location filename="../../engine/data/Interactions.cpp" line="47"/>
        <source>%1:%2: %3 id in column &quot;%4&quot; contains the control character 0x%5; expected printable text</source>
        <translation>%1:%2：列“%4”中的%3 id 含有控制字符 0x%5；应为可打印文本</translation>
    </message>
    <message>
        <location filename="../../engine/data/Interactions.cpp" line="177"/>
        <source>%1:%2: item id &quot;%3&quot; in column &quot;%4&quot; is not in %5; expected one of the items file&apos;s ids</source>
        <translation>%1:%2：列 &quot;%4&quot; 中的物品 ID &quot;%3&quot; 不在 %5 中；应为物品文件中的某个 ID</translation>
    </message>
    <message>
        <location filename="../../engine/data/Interactions.cpp" line="70"/>
        <location filename="../../engine/data/Interactions.cpp" line="231"/>
        <source>%1:%2: empty user id in column &quot;%3&quot;; expected an id on every line</source>
        <translation>%1:%2：列 &quot;%3&quot; 中的用户 ID 为空；每一行都应有 ID</translation>
    </message>
    <message>
        <location filename="../../engine/data/Interactions.cpp" line="71"/>
        <location filename="../../engine/data/Interactions.cpp" line="245"/>
        <location filename="../../engine/data/Interactions.cpp" line="515"/>
        <source>%1:%2: empty item id in column &quot;%3&quot;; expected an id on every line</source>
        <translation>%1:%2：列 &quot;%3&quot; 中的物品 ID 为空；每一行都应有 ID</translation>
    </message>
    <message>
        <location filename="../../engine/data/Interactions.cpp" line="81"/>
        <location filename="../../engine/data/Interactions.cpp" line="249"/>
        <source>item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../engine/data/Interactions.cpp" line="81"/>
        <location filename="../../engine/data/Interactions.cpp" line="258"/>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../engine/data/Interactions.cpp" line="272"/>
        <source>%1:%2: rating &quot;%3&quot; in column &quot;%4&quot; is outside −1,000,000 to 1,000,000; expected a rating such as 4 or 3.5</source>
        <translation>%1:%2：列“%4”中的评分“%3”超出 −1,000,000 到 1,000,000 的范围；应为 4 或 3.5 这样的评分</translation>
    </message>
    <message>
        <location filename="../../engine/data/Interactions.cpp" line="59"/>
        <source>%1:%2: timestamp &quot;%3&quot; in column &quot;%4&quot; is not a number; expected seconds since 1970 or an ISO 8601 date</source>
        <translation>%1:%2：列 &quot;%4&quot; 中的时间戳 &quot;%3&quot; 不是数字；应为自 1970 年起的秒数或 ISO 8601 日期</translation>
    </message>
    <message>
        <location filename="../../engine/data/Interactions.cpp" line="289"/>
        <source>%1:%2: split label &quot;%3&quot; in column &quot;%4&quot; is not 0, 1 or 2; expected 0 (train), 1 (validation) or 2 (test)</source>
        <translation>%1:%2：列 &quot;%4&quot; 中的划分标签 &quot;%3&quot; 不是 0、1 或 2；应为 0（训练）、1（验证）或 2（测试）</translation>
    </message>
    <message>
        <location filename="../../engine/data/Interactions.cpp" line="471"/>
        <source>%1: reading cancelled</source>
        <translation>%1：读取已取消</translation>
    </message>
    <message>
        <location filename="../../engine/data/Interactions.cpp" line="486"/>
        <source>%1: about %L2 interactions</source>
        <translation>%1：约 %L2 条交互</translation>
    </message>
    <message>
        <location filename="../../engine/data/Interactions.cpp" line="503"/>
        <source>%1:%2: expected an interaction after the header but found the end of the file; a dataset needs at least one interaction</source>
        <translation>%1:%2：表头之后应有交互，但已到文件末尾；数据集至少需要一条交互</translation>
    </message>
    <message>
        <location filename="../../engine/data/Interactions.cpp" line="526"/>
        <source>%1:%2: duplicate item id &quot;%3&quot; in column &quot;%4&quot; (also on line %5); expected each item once</source>
        <translation>%1:%2：列 &quot;%4&quot; 中的物品 ID &quot;%3&quot; 重复（第 %5 行也有）；每个物品应只出现一次</translation>
    </message>
    <message>
        <location filename="../../engine/data/Interactions.cpp" line="542"/>
        <source>%1:1: no column &quot;%2&quot;; expected the header %3 but found: %4</source>
        <translation>%1:1：没有列 &quot;%2&quot;；表头应为 %3，但实际为：%4</translation>
    </message>
</context>
<context>
    <name>fl::ItemKnnModel</name>
    <message>
        <location filename="../../engine/models/ItemKnnModel.cpp" line="96"/>
        <source>Item-kNN (content, k = %1)</source>
        <translation>物品 kNN（内容，k = %1）</translation>
    </message>
</context>
<context>
    <name>fl::Landscape</name>
    <message>
        <location filename="../../engine/training/Landscape.cpp" line="158"/>
        <source>Choose a modality for each axis of the landscape.</source>
        <translation>请为权重地形图的每个坐标轴选择一个模态。</translation>
    </message>
    <message>
        <location filename="../../engine/training/Landscape.cpp" line="161"/>
        <source>The dataset has no modality named &apos;%1&apos;.</source>
        <translation>数据集中没有名为 &apos;%1&apos; 的模态。</translation>
    </message>
    <message>
        <location filename="../../engine/training/Landscape.cpp" line="163"/>
        <source>The modality &apos;%1&apos; is switched off; switch it on to sweep its weight.</source>
        <translation>模态 &apos;%1&apos; 已关闭；请开启它才能扫描其权重。</translation>
    </message>
    <message>
        <location filename="../../engine/training/Landscape.cpp" line="165"/>
        <source>The weight of &apos;%1&apos; needs between 1 and 1001 steps, not %2.</source>
        <translation>&apos;%1&apos; 的权重扫描需要 1 到 1001 个取值点，而不是 %2 个。</translation>
    </message>
    <message>
        <location filename="../../engine/training/Landscape.cpp" line="167"/>
        <source>The weight range of &apos;%1&apos; must be finite numbers.</source>
        <translation>&apos;%1&apos; 的权重范围必须是有限数。</translation>
    </message>
    <message>
        <location filename="../../engine/training/Landscape.cpp" line="170"/>
        <source>The two axes both sweep &apos;%1&apos;: choose two different modalities.</source>
        <translation>两个坐标轴都在扫描 &apos;%1&apos;：请选择两个不同的模态。</translation>
    </message>
    <message>
        <location filename="../../engine/training/Landscape.cpp" line="173"/>
        <source>The number of gradient-descent epochs cannot be negative (%1).</source>
        <translation>梯度下降的轮数不能为负（%1）。</translation>
    </message>
    <message>
        <location filename="../../engine/training/Landscape.cpp" line="175"/>
        <source>A run of this model has no value &apos;%1&apos;; choose one of %2.</source>
        <translation>该模型的运行不产生值 &apos;%1&apos;；请从 %2 中选择一个。</translation>
    </message>
    <message>
        <location filename="../../engine/training/Landscape.cpp" line="214"/>
        <source>Only the seed&apos;s linear regression has a landscape from its statistics; train the cells instead.</source>
        <translation>只有种子线性回归的权重地形图可由其统计量直接算出；请改为逐个训练网格单元。</translation>
    </message>
    <message>
        <location filename="../../engine/training/Landscape.cpp" line="216"/>
        <source>The regression&apos;s landscape shows val_loss or train_loss, not &apos;%1&apos;.</source>
        <translation>回归的权重地形图显示 val_loss 或 train_loss，而不是 &apos;%1&apos;。</translation>
    </message>
    <message>
        <location filename="../../engine/training/Landscape.cpp" line="219"/>
        <source>The landscape after %1 epochs follows full-batch gradient descent, but the run uses mini-batch training; choose gradient descent or train the cells.</source>
        <translation>经过 %1 轮后的权重地形图按全批量梯度下降计算，但该运行使用小批量训练；请选择梯度下降，或逐个训练网格单元。</translation>
    </message>
    <message>
        <location filename="../../engine/training/Landscape.cpp" line="275"/>
        <source>The landscape was cancelled after %1 of %2 cells.</source>
        <translation>权重地形图在完成 %2 个网格单元中的 %1 个后被取消。</translation>
    </message>
</context>
<context>
    <name>fl::LandscapePage</name>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="87"/>
        <source>weight from</source>
        <translation>权重从</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="89"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="91"/>
        <source>in</source>
        <translation>，取</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="93"/>
        <source>steps</source>
        <translation>个值</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="95"/>
        <location filename="../../ui/LandscapePage.cpp" line="97"/>
        <source>Horizontal axis</source>
        <translation>横轴</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="96"/>
        <location filename="../../ui/LandscapePage.cpp" line="98"/>
        <source>Vertical axis</source>
        <translation>纵轴</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="99"/>
        <source>Horizontal steps</source>
        <translation>横轴取值个数</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="100"/>
        <source>Vertical steps</source>
        <translation>纵轴取值个数</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="106"/>
        <source>closed form (optimum)</source>
        <translation>闭式解（最优解）</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="107"/>
        <source>after</source>
        <translation>经过</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="115"/>
        <source>Each cell shows the validation loss</source>
        <translation>每个格子显示验证损失：</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="120"/>
        <source>epochs of gradient descent</source>
        <translation>轮梯度下降之后</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="128"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="130"/>
        <source>Each cell trains a run and shows its</source>
        <translation>每个格子训练一次运行，并显示其</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="136"/>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="137"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="160"/>
        <location filename="../../ui/LandscapePage.cpp" line="178"/>
        <source>Hover over a cell to read it; click it to train a run with its weights.</source>
        <translation>鼠标悬停在格子上可查看数值；点击格子即以其权重训练一次运行。</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="207"/>
        <source>The settings changed since this landscape was computed; press Compute to bring it up to date.</source>
        <translation>计算此地形图之后设置已更改；点击“计算”以更新。</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="258"/>
        <source>The run trains with mini-batches; the landscape after E epochs follows full-batch gradient descent. Choose gradient descent in the Training panel.</source>
        <translation>当前运行使用小批量训练，而“经过 E 轮之后”的地形图按全批量梯度下降计算。请在“训练”面板中选择梯度下降。</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="275"/>
        <source>Load a dataset to see its landscape.</source>
        <translation>加载数据集后即可查看其权重地形图。</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="277"/>
        <source>The landscape spans the weights of two modalities: switch on at least two in the Modalities panel.</source>
        <translation>权重地形图由两个模态的权重张成：请在“模态”面板中至少启用两个模态。</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="370"/>
        <source>Computing the landscape from the regression&apos;s statistics …</source>
        <translation>正在根据回归的统计量计算权重地形图…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/LandscapePage.cpp" line="371"/>
        <source>Training %n run(s), one per cell …</source>
        <translation>
            <numerusform>正在训练 %n 次运行，每个格子一次…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="375"/>
        <source>The landscape was cancelled.</source>
        <translation>权重地形图的计算已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="399"/>
        <source>Cancelling …</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="427"/>
        <source>Cancelled after %1 of %2 cells.</source>
        <translation>已取消：%2 个格子中完成了 %1 个。</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="430"/>
        <source>Best: %1. Click a cell to train a run with its weights.</source>
        <translation>最佳：%1。点击格子即以其权重训练一次运行。</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="433"/>
        <source>No cell has a finite value: every run failed or diverged.</source>
        <translation>没有格子得到有限值：所有运行都失败或发散了。</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapePage.cpp" line="451"/>
        <source>%1 / %2 cells</source>
        <translation>%1 / %2 个格子</translation>
    </message>
</context>
<context>
    <name>fl::LandscapeView</name>
    <message>
        <location filename="../../ui/LandscapeView.cpp" line="240"/>
        <source>higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapeView.cpp" line="240"/>
        <source>lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapeView.cpp" line="242"/>
        <source>%1 at the optimum (closed form) · %2</source>
        <translation>最优解（闭式解）处的 %1 · %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/LandscapeView.cpp" line="244"/>
        <source>%1 after %n epoch(s) of gradient descent · %2</source>
        <translation>
            <numerusform>梯度下降 %n 轮后的 %1 · %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/LandscapeView.cpp" line="245"/>
        <source>%1 of trained runs · %2</source>
        <translation>训练所得运行的 %1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapeView.cpp" line="266"/>
        <location filename="../../ui/LandscapeView.cpp" line="546"/>
        <source>better</source>
        <translation>较好</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapeView.cpp" line="326"/>
        <source>%1: not computed yet</source>
        <translation>%1：尚未计算</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapeView.cpp" line="328"/>
        <source>%1: %2 — (%3)</source>
        <translation>%1：%2 —（%3）</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapeView.cpp" line="356"/>
        <source>No landscape yet: choose two modalities and compute.</source>
        <translation>尚无权重地形图：请选择两个模态，然后点击“计算”。</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapeView.cpp" line="548"/>
        <source>worse</source>
        <translation>较差</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapeView.cpp" line="569"/>
        <source>best %1</source>
        <translation>最佳 %1</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapeView.cpp" line="592"/>
        <source>best</source>
        <translation>最佳</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapeView.cpp" line="626"/>
        <source>failed or diverged</source>
        <translation>失败或发散</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapeView.cpp" line="628"/>
        <source>not computed yet</source>
        <translation>尚未计算</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapeView.cpp" line="689"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapeView.cpp" line="697"/>
        <source>Export the landscape</source>
        <translation>导出权重地形图</translation>
    </message>
    <message>
        <location filename="../../ui/LandscapeView.cpp" line="711"/>
        <location filename="../../ui/LandscapeView.cpp" line="717"/>
        <source>Landscape</source>
        <translation>权重地形图</translation>
    </message>
</context>
<context>
    <name>fl::Language</name>
    <message>
        <location filename="../../ui/Language.cpp" line="333"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>fl::LessonPanel</name>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="91"/>
        <source>What to observe</source>
        <translation>观察要点</translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="107"/>
        <source>The user whose recommendations are compared</source>
        <translation>要比较其推荐结果的用户</translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="131"/>
        <source>◀ Previous</source>
        <translation>◀ 上一课</translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="132"/>
        <source>Next ▶</source>
        <translation>下一课 ▶</translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="133"/>
        <source>The previous lesson</source>
        <translation>上一课</translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="134"/>
        <source>The next lesson</source>
        <translation>下一课</translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="151"/>
        <source>The lesson&apos;s dataset %1 could not be opened: %2</source>
        <translation>无法打开本课的数据集 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="156"/>
        <source>loading was cancelled.</source>
        <translation>加载已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="194"/>
        <source>This run: η = %1, 2/λ_max = %2, so η = %3 × 2/λ_max: %4</source>
        <translation>本次运行：η = %1，2/λ_max = %2，所以 η = %3 × 2/λ_max：%4</translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="196"/>
        <source>below the line, it converges.</source>
        <translation>低于临界线，会收敛。</translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="196"/>
        <source>above the line, it diverges.</source>
        <translation>高于临界线，会发散。</translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="275"/>
        <source>Lesson %1 of %2</source>
        <translation>第 %1 课（共 %2 课）</translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="276"/>
        <source>Choose a lesson in Help ▸ Lessons.</source>
        <translation>请在“帮助 ▸ 课程”中选择一课。</translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="298"/>
        <location filename="../../ui/LessonPanel.cpp" line="626"/>
        <source>Before
%1</source>
        <translation>修改前
%1</translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="299"/>
        <location filename="../../ui/LessonPanel.cpp" line="627"/>
        <source>After
%1</source>
        <translation>修改后
%1</translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="315"/>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="338"/>
        <location filename="../../ui/LessonPanel.cpp" line="342"/>
        <source>Loading the lesson&apos;s data …</source>
        <translation>正在加载本课的数据…</translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="353"/>
        <source>Computing 2/λ_max for the lesson&apos;s η …</source>
        <translation>正在为本课的 η 计算 2/λ_max…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/LessonPanel.cpp" line="502"/>
        <source>Training %n run(s) in the background …</source>
        <translation>
            <numerusform>正在后台训练 %n 个运行…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="535"/>
        <source>Done: every row is a run trained just now on this data.</source>
        <translation>完成：每一行都是刚刚在这份数据上训练的一次运行。</translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="536"/>
        <source>Some runs failed: %1</source>
        <translation>部分运行失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="547"/>
        <source>The comparison needs a recommendation model.</source>
        <translation>比较需要使用推荐模型。</translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="552"/>
        <source>The parameters are still the lesson&apos;s: change α or β first (step 2), then compare.</source>
        <translation>参数仍是本课的预设值：请先修改 α 或 β（第 2 步），再进行比较。</translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="564"/>
        <source>Training both settings in the background …</source>
        <translation>正在后台训练两组设置…</translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="584"/>
        <source>This run has no ranking model to ask.</source>
        <translation>此运行没有可供查询的排序模型。</translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="612"/>
        <source>The comparison was cancelled.</source>
        <translation>比较已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/LessonPanel.cpp" line="655"/>
        <source>User %1: %2 of %3 items are new after the change (bold: in one list only).</source>
        <translation>用户 %1：修改后的 %3 个物品中有 %2 个是新出现的（粗体：只出现在其中一个列表中）。</translation>
    </message>
</context>
<context>
    <name>fl::Lessons</name>
    <message>
        <location filename="../../ui/Lessons.cpp" line="37"/>
        <source>%1: &quot;%2&quot; %3</source>
        <translation>%1：&quot;%2&quot; %3</translation>
    </message>
    <message>
        <location filename="../../ui/Lessons.cpp" line="48"/>
        <source>needs an &quot;en&quot; and a &quot;zh_CN&quot; text</source>
        <translation>需要 &quot;en&quot; 和 &quot;zh_CN&quot; 两种文本</translation>
    </message>
    <message>
        <location filename="../../ui/Lessons.cpp" line="63"/>
        <source>is &quot;%1&quot;; expected one of %2</source>
        <translation>为 &quot;%1&quot;；应为以下之一：%2</translation>
    </message>
    <message>
        <location filename="../../ui/Lessons.cpp" line="75"/>
        <source>must be a number</source>
        <translation>必须是数字</translation>
    </message>
    <message>
        <location filename="../../ui/Lessons.cpp" line="81"/>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <location filename="../../ui/Lessons.cpp" line="88"/>
        <source>is &quot;%1&quot;; expected mean, indicator or leave-out</source>
        <translation>为 &quot;%1&quot;；应为 mean、indicator 或 leave-out</translation>
    </message>
    <message>
        <location filename="../../ui/Lessons.cpp" line="102"/>
        <source>is &quot;%1&quot;; expected training, dataset or recommendations</source>
        <translation>为 &quot;%1&quot;；应为 training、dataset 或 recommendations</translation>
    </message>
    <message>
        <location filename="../../ui/Lessons.cpp" line="110"/>
        <location filename="../../ui/Lessons.cpp" line="141"/>
        <source>must be a positive number</source>
        <translation>必须是正数</translation>
    </message>
    <message>
        <location filename="../../ui/Lessons.cpp" line="123"/>
        <source>lesson %1 (%2)</source>
        <translation>第 %1 课（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/Lessons.cpp" line="125"/>
        <location filename="../../ui/Lessons.cpp" line="133"/>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../ui/Lessons.cpp" line="152"/>
        <source>needs at least one step</source>
        <translation>至少需要一个步骤</translation>
    </message>
    <message>
        <location filename="../../ui/Lessons.cpp" line="184"/>
        <source>needs &quot;rows&quot; and &quot;columns&quot;</source>
        <translation>需要 &quot;rows&quot; 和 &quot;columns&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/Lessons.cpp" line="186"/>
        <source>is &quot;%1&quot;; expected compare or table</source>
        <translation>为 &quot;%1&quot;；应为 compare 或 table</translation>
    </message>
    <message>
        <location filename="../../ui/Lessons.cpp" line="214"/>
        <source>%1: cannot read the lessons: %2</source>
        <translation>%1：无法读取课程：%2</translation>
    </message>
    <message>
        <location filename="../../ui/Lessons.cpp" line="218"/>
        <source>%1: invalid JSON at byte %2: %3</source>
        <translation>%1：第 %2 字节处的 JSON 无效：%3</translation>
    </message>
    <message>
        <location filename="../../ui/Lessons.cpp" line="221"/>
        <source>%1: expected an object with a non-empty &quot;lessons&quot; list</source>
        <translation>%1：应为包含非空 &quot;lessons&quot; 列表的对象</translation>
    </message>
    <message>
        <location filename="../../ui/Lessons.cpp" line="226"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/Lessons.cpp" line="255"/>
        <source>--lesson %1: expected a lesson number from 1 to %2</source>
        <translation>--lesson %1：课程编号应为 1 到 %2</translation>
    </message>
</context>
<context>
    <name>fl::LinearRecommender</name>
    <message>
        <location filename="../../engine/models/LinearRecommender.cpp" line="102"/>
        <source>Linear regression on fused content with user and item biases</source>
        <translation>基于融合内容、带用户与物品偏置的线性回归</translation>
    </message>
    <message>
        <location filename="../../engine/models/LinearRecommender.cpp" line="103"/>
        <source>Linear regression on fused content</source>
        <translation>基于融合内容的线性回归</translation>
    </message>
</context>
<context>
    <name>fl::LinearRegression</name>
    <message>
        <location filename="../../engine/models/LinearRegression.cpp" line="48"/>
        <source>grew to %1</source>
        <translation>增大到 %1</translation>
    </message>
    <message>
        <location filename="../../engine/models/LinearRegression.cpp" line="49"/>
        <source>became %1</source>
        <translation>变为 %1</translation>
    </message>
    <message>
        <location filename="../../engine/models/LinearRegression.cpp" line="49"/>
        <source>NaN</source>
        <translation>NaN</translation>
    </message>
    <message>
        <location filename="../../engine/models/LinearRegression.cpp" line="49"/>
        <source>infinite</source>
        <translation>无穷大</translation>
    </message>
    <message>
        <location filename="../../engine/models/LinearRegression.cpp" line="50"/>
        <source>Training diverged at epoch %1: the training loss %2 (it started at %3).</source>
        <translation>训练在第 %1 轮发散：训练损失%2（起始为 %3）。</translation>
    </message>
    <message>
        <location filename="../../engine/models/LinearRegression.cpp" line="58"/>
        <source>The fused features are so large that gradient descent is stable only for η &lt; %1: lower the fusion weights (%2).</source>
        <translation>融合特征过大，梯度下降只有在 η &lt; %1 时才稳定：请减小融合权重（%2）。</translation>
    </message>
    <message>
        <location filename="../../engine/models/LinearRegression.cpp" line="65"/>
        <source>The learning rate η = %1 is too large for these features: gradient descent is stable only for η &lt; %2; try η = %3.</source>
        <translation>学习率 η = %1 对这些特征过大：梯度下降只有在 η &lt; %2 时才稳定；请试试 η = %3。</translation>
    </message>
    <message>
        <location filename="../../engine/models/LinearRegression.cpp" line="72"/>
        <source>The learning rate η = %1 is too large for these features; try η = %2 or smaller.</source>
        <translation>学习率 η = %1 对这些特征过大；请试试 η = %2 或更小。</translation>
    </message>
</context>
<context>
    <name>fl::LossChartView</name>
    <message>
        <location filename="../../ui/LossChartView.cpp" line="164"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../ui/LossChartView.cpp" line="165"/>
        <source>loss (log scale)</source>
        <translation>损失（对数刻度）</translation>
    </message>
    <message>
        <location filename="../../ui/LossChartView.cpp" line="186"/>
        <location filename="../../ui/LossChartView.cpp" line="731"/>
        <source>Loss curves</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <location filename="../../ui/LossChartView.cpp" line="188"/>
        <source>Logarithmic loss axis</source>
        <translation>损失轴用对数刻度</translation>
    </message>
    <message>
        <location filename="../../ui/LossChartView.cpp" line="191"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/LossChartView.cpp" line="226"/>
        <location filename="../../ui/LossChartView.cpp" line="290"/>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../../ui/LossChartView.cpp" line="227"/>
        <location filename="../../ui/LossChartView.cpp" line="289"/>
        <source>train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../../ui/LossChartView.cpp" line="230"/>
        <location filename="../../ui/LossChartView.cpp" line="293"/>
        <source>closed-form optimum</source>
        <translation>闭式最优解</translation>
    </message>
    <message>
        <location filename="../../ui/LossChartView.cpp" line="481"/>
        <source>epoch %1 · train %2 · validation %3</source>
        <translation>第 %1 轮 · 训练 %2 · 验证 %3</translation>
    </message>
    <message>
        <location filename="../../ui/LossChartView.cpp" line="602"/>
        <source>η = %1</source>
        <translation>η = %1</translation>
    </message>
</context>
<context>
    <name>fl::MainWindow</name>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="125"/>
        <source>FusionLab</source>
        <translation>FusionLab</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="162"/>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="163"/>
        <source>&amp;Dataset</source>
        <translation>数据集(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="168"/>
        <location filename="../../ui/MainWindow.cpp" line="615"/>
        <source>&amp;Recommendations</source>
        <translation>推荐(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="172"/>
        <location filename="../../ui/MainWindow.cpp" line="617"/>
        <source>R&amp;uns</source>
        <translation>运行记录(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="173"/>
        <source>&amp;Landscape</source>
        <translation>地形图(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="174"/>
        <source>&amp;Ablation</source>
        <translation>消融(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="175"/>
        <source>Every run since launch: compare them, overlay their curves, rename, star, delete</source>
        <translation>启动以来的每一次运行：比较、叠加曲线、重命名、加星标、删除</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="176"/>
        <source>The validation loss or metric over a grid of two modality weights</source>
        <translation>两个模态权重组成的网格上的验证损失或指标</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="177"/>
        <source>Each modality alone, all but one, and all, over several seeds</source>
        <translation>在多个随机种子下比较：每个模态单独使用、去掉其中一个、全部使用</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="180"/>
        <source>The data has changed</source>
        <translation>数据已更改</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="181"/>
        <source>The experiment was saved with other data than the dataset loaded now. Its runs and parameters are restored; results of new runs may differ.</source>
        <translation>保存该实验时使用的数据与当前加载的数据集不同。其运行记录和参数已恢复；新运行的结果可能会有所不同。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="189"/>
        <source>Loss curves of the current run and its predecessors</source>
        <translation>当前运行及之前各次运行的损失曲线</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="190"/>
        <source>The loaded dataset: items, users, ratings and modality coverage</source>
        <translation>已加载的数据集：物品、用户、评分和各模态覆盖率</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="191"/>
        <source>A user&apos;s history and top K from the trained recommendation model, with what each modality contributed to every score</source>
        <translation>某个用户的历史记录和训练好的推荐模型给出的前 K 个推荐，并显示每个模态对每个分数的贡献</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="206"/>
        <source>Fusion</source>
        <translation>融合</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="207"/>
        <location filename="../../ui/MainWindow.cpp" line="750"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="208"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="209"/>
        <source>Formulas</source>
        <translation>公式</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="217"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="226"/>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="283"/>
        <source>This model cannot learn the fusion weights; the linear regression, the hybrid and the content model can.</source>
        <translation>该模型不能学习融合权重；线性回归、混合模型和内容模型可以。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="296"/>
        <source>Loading</source>
        <translation>加载中</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="297"/>
        <source>Loading %1 …</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="297"/>
        <source>the demo dataset</source>
        <translation>演示数据集</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="302"/>
        <source>Loading %1 cancelled; the current dataset stays loaded.</source>
        <translation>已取消加载 %1；当前数据集保持不变。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="314"/>
        <source>%1 — FusionLab</source>
        <translation>%1 — FusionLab</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="329"/>
        <source>Could not open the dataset</source>
        <translation>无法打开数据集</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="330"/>
        <source>%1 could not be opened; FusionLab opens the built-in demo instead.

%2</source>
        <translation>无法打开 %1；FusionLab 改为打开内置演示数据集。

%2</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="331"/>
        <source>%1 could not be opened; the current dataset stays loaded.

%2</source>
        <translation>无法打开 %1；当前数据集保持不变。

%2</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="367"/>
        <source>Embedding and fusing … the weights appear when the run is ready.</source>
        <translation>正在嵌入与融合…运行准备就绪后将显示权重。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="369"/>
        <source>This chart shows the linear regression&apos;s weights W and their gradient. A ranking model has a vector per user and item, too many to draw as bars: choose the linear regression in the Model dock to see them.</source>
        <translation>此图表显示线性回归的权重 W 及其梯度。排序模型的每个用户和每个物品各有一个向量，多到无法画成柱状图：请在“模型”面板中选择线性回归来查看。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="525"/>
        <source>The linear regression predicts one rating per item from its features; it does not rank items for each user.

Choose a recommendation model in the Model dock (the hybrid, for instance) and train it: its recommendations, and why it makes them, appear here.</source>
        <translation>线性回归根据物品的特征为每个物品预测一个评分，不会为每个用户对物品排序。

请在“模型”面板中选择一个推荐模型（例如混合模型）并训练它：它的推荐结果及推荐理由将显示在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="530"/>
        <source>This run has not trained yet.

Train, Step or Pause it: the model&apos;s recommendations appear here whenever the run pauses or finishes.</source>
        <translation>此运行尚未训练。

请点击“训练”“单步”或“暂停”：每当运行暂停或结束时，模型的推荐结果都会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="541"/>
        <location filename="../../ui/MainWindow.cpp" line="786"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="543"/>
        <source>Train until the epoch limit, or pause a run in progress (Space).</source>
        <translation>一直训练到轮数上限，或暂停正在进行的运行（空格键）。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="546"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="548"/>
        <source>Run exactly one epoch, then pause (→).</source>
        <translation>只运行一轮，然后暂停（→）。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="551"/>
        <source>Step Back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="556"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="558"/>
        <source>Stop, clear every curve and start again from W = 0 (Ctrl+R).</source>
        <translation>停止，清除所有曲线，并从 W = 0 重新开始（Ctrl+R）。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="566"/>
        <source>Logarithmic loss axis</source>
        <translation>损失轴用对数刻度</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="574"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="575"/>
        <source>&amp;Open Dataset…</source>
        <translation>打开数据集(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="577"/>
        <source>Open the &amp;Demo Dataset</source>
        <translation>打开演示数据集(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="578"/>
        <source>&amp;Import CSV…</source>
        <translation>导入 CSV(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="584"/>
        <source>Turn your own CSV or TSV files (with image folders and .npy embeddings) into a dataset</source>
        <translation>将你自己的 CSV 或 TSV 文件（连同图像文件夹和 .npy 嵌入）转换为数据集</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="585"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="593"/>
        <source>&amp;Export Chart…</source>
        <translation>导出图表(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="597"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="600"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="604"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="610"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="611"/>
        <source>Training &amp;Chart</source>
        <translation>训练图表(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="613"/>
        <source>Dataset &amp;Browser</source>
        <translation>数据集浏览器(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="619"/>
        <source>α–β &amp;Landscape</source>
        <translation>α–β 权重地形图(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="621"/>
        <source>Modality &amp;Ablation</source>
        <translation>模态消融(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="625"/>
        <source>&amp;Presenter Mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="628"/>
        <source>Larger type, high contrast, thicker lines and a layout that fits a 1024×768 projector</source>
        <translation>更大的字号、高对比度、更粗的线条，以及适合 1024×768 投影仪的布局</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="638"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="640"/>
        <source>&amp;Start Page…</source>
        <translation>起始页(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="642"/>
        <source>&amp;About FusionLab</source>
        <translation>关于 FusionLab(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="643"/>
        <source>About FusionLab</source>
        <translation>关于 FusionLab</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="644"/>
        <source>&lt;b&gt;FusionLab %1&lt;/b&gt;&lt;p&gt;A lab for cross-modal feature fusion in recommender systems: embed each modality, fuse them (F = αE₁ + βE₂ and other operators), and watch a model learn.&lt;/p&gt;</source>
        <translation>&lt;b&gt;FusionLab %1&lt;/b&gt;&lt;p&gt;推荐系统跨模态特征融合实验室：为每个模态生成嵌入，将它们融合（F = αE₁ + βE₂ 及其他运算），并观察模型如何学习。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="655"/>
        <source>Demo dataset</source>
        <translation>演示数据集</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="684"/>
        <source>Any dataset FusionLab reads (manifest.json *.json *.inter *.csv *.dat u.data *.item *.npy)</source>
        <translation>FusionLab 可读取的任意数据集 (manifest.json *.json *.inter *.csv *.dat u.data *.item *.npy)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="685"/>
        <source>FusionLab manifest (*.json)</source>
        <translation>FusionLab 清单文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="686"/>
        <source>MovieLens (ratings.csv movies.csv u.data u.item ratings.dat movies.dat)</source>
        <translation>MovieLens (ratings.csv movies.csv u.data u.item ratings.dat movies.dat)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="687"/>
        <source>MMRec (*.inter *.npy)</source>
        <translation>MMRec (*.inter *.npy)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="688"/>
        <source>RecBole atomic files (*.inter *.item *.user)</source>
        <translation>RecBole 原子文件 (*.inter *.item *.user)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="689"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="695"/>
        <source>Open Dataset</source>
        <translation>打开数据集</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="713"/>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="714"/>
        <source>PNG image (*.png);;SVG drawing (*.svg);;Curves as CSV (*.csv)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg);;曲线数据 CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="719"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="721"/>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="734"/>
        <source>%1: choose a file ending in .png, .svg or .csv.</source>
        <translation>%1：请选择以 .png、.svg 或 .csv 结尾的文件。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="748"/>
        <location filename="../../ui/MainWindow.cpp" line="752"/>
        <source>Ready — press Train or Step</source>
        <translation>就绪——请按“训练”或“单步”</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="849"/>
        <source>Step back is for the linear regression: a ranking model has a vector per user and item, too much to keep a copy of for each of the last 1,000 epochs.</source>
        <translation>“后退一步”仅适用于线性回归：排序模型的每个用户和每个物品各有一个向量，数据量太大，无法为最近 1,000 轮各保留一份副本。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="854"/>
        <source>Undo the last epoch exactly: W, b and the optimizer&apos;s state as they were (←). The last %1 epochs can be undone.</source>
        <translation>精确撤销上一轮：W、b 和优化器状态恢复原样（←）。最多可撤销最近 %1 轮。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="749"/>
        <source>Embedding and fusing …</source>
        <translation>正在嵌入与融合…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="752"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="754"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="755"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="760"/>
        <source>Embedding</source>
        <translation>正在嵌入</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="786"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="786"/>
        <location filename="../../ui/MainWindow.cpp" line="829"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="813"/>
        <source>epoch %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="816"/>
        <source>no loss: this model is counted, not trained</source>
        <translation>无损失：此模型通过计数得出，无需训练</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="818"/>
        <source>train loss %1</source>
        <translation>训练损失 %1</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="820"/>
        <source>train loss %1 · validation loss %2</source>
        <translation>训练损失 %1 · 验证损失 %2</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="782"/>
        <location filename="../../ui/MainWindow.cpp" line="824"/>
        <source>%1 epochs/s</source>
        <translation>%1 轮/s</translation>
    </message>
</context>
<context>
    <name>fl::ManifestBuilder</name>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="307"/>
        <source>%1: file not found</source>
        <translation>%1：文件未找到</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="309"/>
        <source>%1: is a folder; expected a CSV or TSV file</source>
        <translation>%1：这是一个文件夹；应为 CSV 或 TSV 文件</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="311"/>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="914"/>
        <source>%1: cannot open: %2</source>
        <translation>%1：无法打开：%2</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="532"/>
        <source>%1: the manifest format reads only comma, tab, semicolon or pipe as the delimiter, not %2; save the file with one of those</source>
        <translation>%1：清单格式只支持逗号、制表符、分号或竖线作为分隔符，不支持 %2；请用其中一种分隔符重新保存该文件</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="545"/>
        <source>%1: column %2 has no name in the header row, so the manifest cannot name it; give it a name in the file or set its role to Ignore</source>
        <translation>%1：第 %2 列在表头行中没有名称，因此清单无法引用它；请在文件中为它命名，或将其角色设为“忽略”</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="553"/>
        <source>%1: columns %2 and %3 are both named %4 in the header; rename one in the file or set this one&apos;s role to Ignore</source>
        <translation>%1：第 %2 列和第 %3 列在表头中都叫 %4；请在文件中重命名其中一列，或将这一列的角色设为“忽略”</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="571"/>
        <source>Choose an interactions file: one row per user and item.</source>
        <translation>请选择交互文件：每行对应一个用户和一个物品。</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="577"/>
        <source>No user column in %1: set one column&apos;s role to “User id”.</source>
        <translation>%1 中没有用户列：请将某一列的角色设为“用户 ID”。</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="578"/>
        <source>Two user id columns in %1 (%2 and %3); keep one.</source>
        <translation>%1 中有两个用户 ID 列（%2 和 %3）；请只保留一个。</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="580"/>
        <source>No item column in %1: set one column&apos;s role to “Item id”.</source>
        <translation>%1 中没有物品列：请将某一列的角色设为“物品 ID”。</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="581"/>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="634"/>
        <source>Two item id columns in %1 (%2 and %3); keep one.</source>
        <translation>%1 中有两个物品 ID 列（%2 和 %3）；请只保留一个。</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="583"/>
        <source>Two rating columns in %1 (%2 and %3); keep one.</source>
        <translation>%1 中有两个评分列（%2 和 %3）；请只保留一个。</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="585"/>
        <source>Two timestamp columns in %1 (%2 and %3); keep one.</source>
        <translation>%1 中有两个时间戳列（%2 和 %3）；请只保留一个。</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="600"/>
        <source>%1, line %2: empty user id in column %3</source>
        <translation>%1，第 %2 行：列 %3 中的用户 ID 为空</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="601"/>
        <source>%1, line %2: empty item id in column %3</source>
        <translation>%1，第 %2 行：列 %3 中的物品 ID 为空</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="606"/>
        <source>%1, line %2, column %3: %4 is not a timestamp; expected seconds since 1970 or an ISO 8601 date such as 2024-05-01T12:00:00Z</source>
        <translation>%1，第 %2 行，列 %3：%4 不是时间戳；应为自 1970 年起的秒数或 ISO 8601 日期，例如 2024-05-01T12:00:00Z</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="612"/>
        <source>%1, line %2, column %3: %4 is not a rating; expected a number (without a rating column the data is implicit feedback)</source>
        <translation>%1，第 %2 行，列 %3：%4 不是评分；应为数字（若没有评分列，数据将视为隐式反馈）</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="626"/>
        <source>Choose an items file: the manifest format needs an items table with an id column, so the item ids cannot come from the interactions file alone.</source>
        <translation>请选择物品文件：清单格式需要一张带 ID 列的物品表，因此物品 ID 不能只从交互文件中获得。</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="633"/>
        <source>No item id column in %1: set one column&apos;s role to “Item id”.</source>
        <translation>%1 中没有物品 ID 列：请将某一列的角色设为“物品 ID”。</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="636"/>
        <source>Two title columns in %1 (%2 and %3); keep one, make the other “Text”.</source>
        <translation>%1 中有两个标题列（%2 和 %3）；请保留一个，把另一个设为“文本”。</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="638"/>
        <source>Two category columns in %1 (%2 and %3); keep one.</source>
        <translation>%1 中有两个类别列（%2 和 %3）；请只保留一个。</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="641"/>
        <source>Two image path columns in %1 (%2 and %3); keep one.</source>
        <translation>%1 中有两个图像路径列（%2 和 %3）；请只保留一个。</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="652"/>
        <source>Use either the image path column %1 or the image folder pattern, not both.</source>
        <translation>请在图像路径列 %1 和图像文件夹模式中只选用一种，不要同时使用。</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="660"/>
        <source>Image folder pattern: {%1} is not a column of %2; the columns are: %3</source>
        <translation>图像文件夹模式：{%1} 不是 %2 中的列；现有的列为：%3</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="676"/>
        <source>%1, line %2: empty item id in column %3; every item needs an id</source>
        <translation>%1，第 %2 行：列 %3 中的物品 ID 为空；每个物品都需要 ID</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="680"/>
        <source>%1, line %2: item id %3 in column %4 is also on line %5; item ids must be unique</source>
        <translation>%1，第 %2 行：列 %4 中的物品 ID %3 在第 %5 行也出现了；物品 ID 必须唯一</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="692"/>
        <source>%1, line %2, column %3: %4 is not a number; set the column&apos;s role to “Text” or “Ignore”</source>
        <translation>%1，第 %2 行，列 %3：%4 不是数字；请将该列的角色设为“文本”或“忽略”</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="707"/>
        <source>The vectors file %1 needs a modality name.</source>
        <translation>向量文件 %1 需要一个模态名称。</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="715"/>
        <source>Two modalities are named %1; rename the vectors file&apos;s modality.</source>
        <translation>有两个模态都叫 %1；请重命名向量文件的模态。</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="720"/>
        <source>Nothing to learn from: give the items at least one text, numeric or image column, an image folder pattern, or a vectors file.</source>
        <translation>没有可学习的内容：请为物品至少提供一个文本、数值或图像列、一个图像文件夹模式，或一个向量文件。</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="732"/>
        <source>Image folder pattern: the “{” at character %1 is never closed; expected {column} placeholders such as images/{item_id}.jpg</source>
        <translation>图像文件夹模式：第 %1 个字符处的“{”始终没有闭合；应为 {column} 形式的占位符，例如 images/{item_id}.jpg</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="755"/>
        <source>Image folder pattern: no {column} placeholder, so every item would get the same image; expected something like images/{item_id}.jpg</source>
        <translation>图像文件夹模式：没有 {column} 占位符，因此每个物品都会得到同一张图像；应类似 images/{item_id}.jpg</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="888"/>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="905"/>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="897"/>
        <source>%1 lies outside %2, and a manifest may only name files inside its own folder. Save the manifest in the data&apos;s folder or a folder above it (copy read-only data somewhere writable first).</source>
        <translation>%1 位于 %2 之外，而清单只能引用其所在文件夹内的文件。请把清单保存在数据所在的文件夹或其上级文件夹中（只读数据请先复制到可写的位置）。</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="917"/>
        <source>%1: not a NumPy .npy file (it does not start with \x93NUMPY)</source>
        <translation>%1：不是 NumPy .npy 文件（它不以 \x93NUMPY 开头）</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="929"/>
        <source>%1: .npy format version %2 is not supported; expected 1, 2 or 3</source>
        <translation>%1：不支持 .npy 格式版本 %2；应为 1、2 或 3</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="932"/>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="942"/>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="950"/>
        <source>%1: damaged .npy header</source>
        <translation>%1：.npy 文件头已损坏</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="954"/>
        <source>%1: holds an array of %2 dimensions; expected a matrix (one row of numbers per item)</source>
        <translation>%1：包含一个 %2 维数组；应为矩阵（每个物品一行数字）</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="963"/>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="964"/>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="965"/>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="966"/>
        <source>pipe</source>
        <translation>竖线</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestBuilder.cpp" line="967"/>
        <source>space</source>
        <translation>空格</translation>
    </message>
</context>
<context>
    <name>fl::ManifestLoader</name>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="169"/>
        <source>a boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="170"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="171"/>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="172"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="173"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="256"/>
        <source>missing required key &quot;fusionlab_manifest&quot;; expected &quot;fusionlab_manifest&quot;: %1 to mark a FusionLab manifest</source>
        <translation>缺少必需的键 &quot;fusionlab_manifest&quot;；应使用 &quot;fusionlab_manifest&quot;: %1 标明这是 FusionLab 清单</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="264"/>
        <source>unsupported &quot;fusionlab_manifest&quot; version %1; this FusionLab reads version %2</source>
        <translation>不支持的 &quot;fusionlab_manifest&quot; 版本 %1；当前 FusionLab 读取的是版本 %2</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="325"/>
        <source>&quot;%1&quot; is missing required key &quot;%2&quot; (%3)</source>
        <translation>&quot;%1&quot; 缺少必需的键 &quot;%2&quot;（%3）</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="342"/>
        <source>an object of a column per language, like {&quot;en&quot;: &quot;title_en&quot;, &quot;zh&quot;: &quot;title_zh&quot;}</source>
        <translation>每种语言对应一列的对象，例如 {&quot;en&quot;: &quot;title_en&quot;, &quot;zh&quot;: &quot;title_zh&quot;}</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="347"/>
        <source>&quot;%1&quot; is not a language code; expected one such as &quot;en&quot; or &quot;zh&quot;</source>
        <translation>&quot;%1&quot; 不是语言代码；应为 &quot;en&quot; 或 &quot;zh&quot; 之类的代码</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="377"/>
        <source>%1: expected %2 but found %3</source>
        <translation>%1：应为 %2，但实际为 %3</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="387"/>
        <source>the manifest</source>
        <translation>清单</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="389"/>
        <source>unknown key &quot;%1&quot; in %2; expected one of: %3</source>
        <translation>%2 中有未知的键 &quot;%1&quot;；应为以下之一：%3</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="400"/>
        <source>missing required key &quot;%1&quot;; expected an object like %2</source>
        <translation>缺少必需的键 &quot;%1&quot;；应为形如 %2 的对象</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="402"/>
        <source>an object like </source>
        <translation>对象，形如 </translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="412"/>
        <source>&quot;%1&quot; is missing required key &quot;file&quot; (the table&apos;s file name, relative to the manifest)</source>
        <translation>&quot;%1&quot; 缺少必需的键 &quot;file&quot;（该表的文件名，相对于清单所在位置）</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="434"/>
        <source>%1: expected &quot;,&quot;, &quot;\t&quot; (or &quot;tab&quot;), &quot;;&quot; or &quot;|&quot;</source>
        <translation>%1：应为 &quot;,&quot;、&quot;\t&quot;（或 &quot;tab&quot;）、&quot;;&quot; 或 &quot;|&quot;</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="447"/>
        <source>%1: expected &quot;utf-8&quot; or &quot;latin-1&quot;</source>
        <translation>%1：应为 &quot;utf-8&quot; 或 &quot;latin-1&quot;</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="473"/>
        <source>%1 is &quot;%2&quot;, %3; expected a regular file</source>
        <translation>%1 为“%2”，是%3；应为普通文件</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="492"/>
        <source>a column name</source>
        <translation>列名</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="514"/>
        <source>&quot;modalities&quot; lists %1 modalities; expected at most %2</source>
        <translation>&quot;modalities&quot; 列出了 %1 个模态；最多应为 %2 个</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="521"/>
        <source>an object like {&quot;name&quot;: &quot;text&quot;, &quot;kind&quot;: &quot;text&quot;, ...}</source>
        <translation>形如 {&quot;name&quot;: &quot;text&quot;, &quot;kind&quot;: &quot;text&quot;, ...} 的对象</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="526"/>
        <source>modality name &apos;%1&apos; is used twice (lines %2 and %3); modality names must be unique</source>
        <translation>模态名称 &apos;%1&apos; 被使用了两次（第 %2 行和第 %3 行）；模态名称必须唯一</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="543"/>
        <source>modality &apos;%1&apos; is missing &quot;columns&quot;; expected a list of column names</source>
        <translation>模态 &apos;%1&apos; 缺少 &quot;columns&quot;；应为列名列表</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="547"/>
        <source>a non-empty list of column names</source>
        <translation>非空的列名列表</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="551"/>
        <source>modality &apos;%1&apos; lists %2 columns; expected at most %3</source>
        <translation>模态“%1”列出了 %2 列；最多应为 %3 列</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="569"/>
        <source>modality %1 has no &quot;name&quot;; expected a non-empty string</source>
        <translation>第 %1 个模态没有 &quot;name&quot;；应为非空字符串</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="576"/>
        <source>modality &apos;%1&apos; has no &quot;kind&quot;; expected %2</source>
        <translation>模态 &apos;%1&apos; 没有 &quot;kind&quot;；应为 %2</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="583"/>
        <source>modality &apos;%1&apos; is missing &quot;file&quot;; expected a NumPy .npy file with one row per item, such as &quot;file&quot;: &quot;clip.npy&quot;</source>
        <translation>模态 &apos;%1&apos; 缺少 &quot;file&quot;；应为每个物品一行的 NumPy .npy 文件，例如 &quot;file&quot;: &quot;clip.npy&quot;</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="588"/>
        <source>a .npy file name</source>
        <translation>.npy 文件名</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="609"/>
        <source>modality &apos;%1&apos;: expected either &quot;path&quot; (a pattern such as &quot;images/{item_id}.png&quot;) or &quot;column&quot; (a column holding each item&apos;s image path), exactly one of them</source>
        <translation>模态 &apos;%1&apos;：应提供 &quot;path&quot;（模式，例如 &quot;images/{item_id}.png&quot;）或 &quot;column&quot;（存放每个物品图像路径的列），且只能提供其中一个</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="628"/>
        <source>modality &apos;%1&apos; has unknown kind %2; expected %3</source>
        <translation>模态 &apos;%1&apos; 的 kind %2 未知；应为 %3</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="745"/>
        <source>modality &apos;%1&apos;: %2 has %3 rows but %4 has %5 items; expected one row per item, in the items file&apos;s order</source>
        <translation>模态 &apos;%1&apos;：%2 有 %3 行，但 %4 有 %5 个物品；应为每个物品一行，且顺序与物品文件一致</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="752"/>
        <source>modality &apos;%1&apos;: %2 has shape %3 (no columns); expected at least one value per item</source>
        <translation>模态 &apos;%1&apos;：%2 的形状为 %3（没有列）；每个物品应至少有一个值</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="766"/>
        <source>%1 file &quot;%2&quot; does not exist (looked for %3)</source>
        <translation>%1 文件 &quot;%2&quot; 不存在（查找位置：%3）</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="778"/>
        <source>%1: column %2 (named in %3) does not exist; the file has %4 columns, named 1 to %4 by position because &quot;header&quot; is false</source>
        <translation>%1：列 %2（在 %3 中指定）不存在；该文件有 %4 列，由于 &quot;header&quot; 为 false，这些列按位置命名为 1 到 %4</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="783"/>
        <source>%1:1: column %2 (named in %3) is not in the header; the header has: %4</source>
        <translation>%1:1：列 %2（在 %3 中指定）不在表头中；表头包含：%4</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="788"/>
        <source>%1:1: column %2 (named in %3) appears twice in the header (columns %4 and %5); rename one of them</source>
        <translation>%1:1：列 %2（在 %3 中指定）在表头中出现了两次（第 %4 列和第 %5 列）；请重命名其中之一</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="856"/>
        <source>modality &apos;%1&apos;: file &quot;%2&quot; does not exist (looked for %3)</source>
        <translation>模态 &apos;%1&apos;：文件 &quot;%2&quot; 不存在（查找位置：%3）</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="861"/>
        <source>modality &apos;%1&apos;: &quot;%2&quot; is %3, not a regular file; expected a NumPy .npy file</source>
        <translation>模态“%1”：“%2”是%3，不是普通文件；应为 NumPy .npy 文件</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="881"/>
        <source>modality &apos;%1&apos;: the path pattern &quot;%2&quot; has a &quot;{&quot; without a closing &quot;}&quot;; expected {column} placeholders</source>
        <translation>模态 &apos;%1&apos;：路径模式 &quot;%2&quot; 中的 &quot;{&quot; 没有对应的 &quot;}&quot;；应为 {column} 形式的占位符</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="886"/>
        <source>modality &apos;%1&apos;: the path pattern &quot;%2&quot; has no {column} placeholder, so every item would get the same image</source>
        <translation>模态 &apos;%1&apos;：路径模式 &quot;%2&quot; 中没有 {column} 占位符，因此每个物品都会得到同一张图像</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="911"/>
        <source>the image path of modality &apos;%1&apos;</source>
        <translation>模态“%1”的图像路径</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="925"/>
        <source>%1:%2: empty item id in column &quot;%3&quot;; expected an id on every line</source>
        <translation>%1:%2：列 &quot;%3&quot; 中的物品 ID 为空；每一行都应有 ID</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="936"/>
        <source>%1:%2: duplicate item id &quot;%3&quot; (also on line %4); expected each item once</source>
        <translation>%1:%2：物品 ID &quot;%3&quot; 重复（第 %4 行也有）；每个物品应只出现一次</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="960"/>
        <source>%1:%2: expected an item after the header but found the end of the file</source>
        <translation>%1:%2：表头之后应有物品，但已到文件末尾</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="1017"/>
        <source>%1:%2: column &quot;%3&quot; (modality &apos;%4&apos;) holds &quot;%5&quot;; expected a number (an empty cell, NaN or inf marks the item as missing)</source>
        <translation>%1:%2：列 &quot;%3&quot;（模态 &apos;%4&apos;）的值为 &quot;%5&quot;；应为数字（空单元格、NaN 或 inf 表示该物品缺失）</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="1074"/>
        <source>%1: manifest not found; expected a FusionLab manifest.json</source>
        <translation>%1：未找到清单；应为 FusionLab 的 manifest.json</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="1076"/>
        <source>%1: is a folder; expected a manifest.json file</source>
        <translation>%1：这是一个文件夹；应为 manifest.json 文件</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="1078"/>
        <source>%1: is %2, not a regular file; expected a manifest.json file</source>
        <translation>%1：是%2，不是普通文件；应为 manifest.json 文件</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="1080"/>
        <source>%1: cannot open: %2</source>
        <translation>%1：无法打开：%2</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="1082"/>
        <source>%1: %2 bytes is too large for a manifest; expected a small JSON file that names the data files</source>
        <translation>%1：%2 字节，对清单来说太大；清单应是一个列出数据文件的小型 JSON 文件</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="1088"/>
        <source>%1 is empty; expected a JSON object with &quot;fusionlab_manifest&quot;: %2</source>
        <translation>%1 为空；应为包含 &quot;fusionlab_manifest&quot;: %2 的 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="1099"/>
        <source>%1:%2:%3: invalid JSON: %4 (at byte offset %5)</source>
        <translation>%1:%2:%3：无效的 JSON：%4（字节偏移 %5 处）</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="1104"/>
        <source>%1:1: expected a JSON object ({ … }) at the top level</source>
        <translation>%1:1：顶层应为 JSON 对象（{ … }）</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="1123"/>
        <source>%1: the built-in demo dataset is missing from this build; expected it in resources/demo</source>
        <translation>%1：此构建中缺少内置演示数据集；它应位于 resources/demo</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="1131"/>
        <source>%1: no such file or folder; expected a manifest.json, a folder holding one, or &quot;demo&quot;</source>
        <translation>%1：没有这个文件或文件夹；应为 manifest.json、包含它的文件夹，或 &quot;demo&quot;</translation>
    </message>
    <message>
        <location filename="../../engine/data/ManifestLoader.cpp" line="1137"/>
        <source>%1: no manifest.json in this folder; expected a FusionLab manifest (see &quot;Dataset manifest&quot; in README.md)</source>
        <translation>%1：此文件夹中没有 manifest.json；应为 FusionLab 清单（参见 README.md 中的 &quot;Dataset manifest&quot;）</translation>
    </message>
</context>
<context>
    <name>fl::MemoryBudget</name>
    <message>
        <location filename="../../engine/core/MemoryBudget.cpp" line="77"/>
        <source>%1 need about %2 MB; only %3 MB can be allocated</source>
        <translation>%1 约需 %2 MB；只能分配 %3 MB</translation>
    </message>
    <message>
        <location filename="../../engine/core/MemoryBudget.cpp" line="84"/>
        <source>not enough memory (an allocation failed)</source>
        <translation>内存不足（一次分配失败）</translation>
    </message>
    <message>
        <location filename="../../engine/core/MemoryBudget.cpp" line="88"/>
        <source>not enough memory to start a thread</source>
        <translation>内存不足，无法启动线程</translation>
    </message>
</context>
<context>
    <name>fl::MetricChooser</name>
    <message>
        <location filename="../../ui/MetricChooser.cpp" line="22"/>
        <source>NDCG</source>
        <translation>NDCG</translation>
    </message>
    <message>
        <location filename="../../ui/MetricChooser.cpp" line="24"/>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../../ui/MetricChooser.cpp" line="26"/>
        <source>Precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <location filename="../../ui/MetricChooser.cpp" line="28"/>
        <source>Hit rate</source>
        <translation>Hit rate</translation>
    </message>
    <message>
        <location filename="../../ui/MetricChooser.cpp" line="30"/>
        <source>MAP</source>
        <translation>MAP</translation>
    </message>
    <message>
        <location filename="../../ui/MetricChooser.cpp" line="59"/>
        <source>&amp;Metric:</source>
        <translation>指标(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/MetricChooser.cpp" line="59"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/MetricChooser.cpp" line="60"/>
        <source>at &amp;K =</source>
        <translation>K 值(&amp;K) =</translation>
    </message>
    <message>
        <location filename="../../ui/MetricChooser.cpp" line="60"/>
        <source>Cut-off K</source>
        <translation>截断位置 K</translation>
    </message>
</context>
<context>
    <name>fl::MetricsChartView</name>
    <message>
        <location filename="../../ui/MetricsChartView.cpp" line="132"/>
        <location filename="../../ui/MetricsChartView.cpp" line="452"/>
        <source>validation metric</source>
        <translation>验证指标</translation>
    </message>
    <message>
        <location filename="../../ui/MetricsChartView.cpp" line="166"/>
        <location filename="../../ui/MetricsChartView.cpp" line="662"/>
        <source>Validation metrics</source>
        <translation>验证指标</translation>
    </message>
    <message>
        <location filename="../../ui/MetricsChartView.cpp" line="185"/>
        <source>Export as &amp;PNG…</source>
        <translation>导出为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/MetricsChartView.cpp" line="186"/>
        <source>Export as &amp;SVG…</source>
        <translation>导出为 SVG(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/MetricsChartView.cpp" line="187"/>
        <source>Export as &amp;CSV…</source>
        <translation>导出为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/MetricsChartView.cpp" line="350"/>
        <source>best validation epoch %1</source>
        <translation>最佳验证轮次：第 %1 轮</translation>
    </message>
    <message>
        <location filename="../../ui/MetricsChartView.cpp" line="351"/>
        <source>best %1 = %2 at epoch %3</source>
        <translation>最佳 %1 = %2（第 %3 轮）</translation>
    </message>
    <message>
        <location filename="../../ui/MetricsChartView.cpp" line="355"/>
        <source>%1 (%2 there: %3)</source>
        <translation>%1（该轮 %2：%3）</translation>
    </message>
    <message>
        <location filename="../../ui/MetricsChartView.cpp" line="387"/>
        <source>Waiting for the first validation epoch of this run…</source>
        <translation>正在等待此运行的第一轮验证…</translation>
    </message>
    <message>
        <location filename="../../ui/MetricsChartView.cpp" line="396"/>
        <source>Ranking metrics appear here when a recommendation model trains (%1).
The linear seed regression has none: its loss curve tells its story.</source>
        <translation>推荐模型（%1）训练时，排序指标会显示在这里。
种子线性回归没有排序指标：看它的损失曲线就够了。</translation>
    </message>
    <message>
        <location filename="../../ui/MetricsChartView.cpp" line="401"/>
        <source>Validation metrics appear here after the first epoch.</source>
        <translation>第一轮结束后，验证指标会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/MetricsChartView.cpp" line="374"/>
        <location filename="../../ui/MetricsChartView.cpp" line="376"/>
        <source>validation %1</source>
        <translation>验证 %1</translation>
    </message>
    <message>
        <location filename="../../ui/MetricsChartView.cpp" line="462"/>
        <source>epoch %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <location filename="../../ui/MetricsChartView.cpp" line="465"/>
        <source> · %1 %2</source>
        <translation> · %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/MetricsChartView.cpp" line="480"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/MetricsChartView.cpp" line="482"/>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../ui/MetricsChartView.cpp" line="484"/>
        <source>Metrics as CSV (*.csv)</source>
        <translation>指标数据 CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/MetricsChartView.cpp" line="486"/>
        <source>Export Metrics Chart</source>
        <translation>导出指标图表</translation>
    </message>
    <message>
        <location filename="../../ui/MetricsChartView.cpp" line="495"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>fl::MlpRecommender</name>
    <message>
        <location filename="../../engine/models/MlpRecommender.cpp" line="50"/>
        <location filename="../../engine/models/MlpRecommender.cpp" line="96"/>
        <source>Hidden layer widths must be whole numbers from 1 to %1, separated by commas (e.g. 64,32); &apos;%2&apos; is not.</source>
        <translation>隐藏层宽度必须是 1 到 %1 之间的整数，用逗号分隔（例如 64,32）；“%2”不符合。</translation>
    </message>
    <message>
        <location filename="../../engine/models/MlpRecommender.cpp" line="103"/>
        <source>The dropout rate must be at least 0 and below 1 (it is %1).</source>
        <translation>Dropout 比率必须不小于 0 且小于 1（当前为 %1）。</translation>
    </message>
    <message>
        <location filename="../../engine/models/MlpRecommender.cpp" line="254"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../engine/models/MlpRecommender.cpp" line="255"/>
        <source>BPR</source>
        <translation>BPR</translation>
    </message>
    <message>
        <location filename="../../engine/models/MlpRecommender.cpp" line="255"/>
        <source>squared loss</source>
        <translation>平方损失</translation>
    </message>
    <message>
        <location filename="../../engine/models/MlpRecommender.cpp" line="258"/>
        <source>Neural network on fused content with user vectors and user and item biases (hidden layers %1; %2)</source>
        <translation>基于融合内容、带用户向量及用户与物品偏置的神经网络（隐藏层 %1；%2）</translation>
    </message>
    <message>
        <location filename="../../engine/models/MlpRecommender.cpp" line="260"/>
        <source>Neural network on fused content with user vectors (hidden layers %1; %2)</source>
        <translation>基于融合内容、带用户向量的神经网络（隐藏层 %1；%2）</translation>
    </message>
    <message>
        <location filename="../../engine/models/MlpRecommender.cpp" line="263"/>
        <source>Neural network on fused content with user and item biases (hidden layers %1; %2)</source>
        <translation>基于融合内容、带用户与物品偏置的神经网络（隐藏层 %1；%2）</translation>
    </message>
    <message>
        <location filename="../../engine/models/MlpRecommender.cpp" line="264"/>
        <source>Neural network on fused content (hidden layers %1; %2)</source>
        <translation>基于融合内容的神经网络（隐藏层 %1；%2）</translation>
    </message>
</context>
<context>
    <name>fl::MmrecImporter</name>
    <message>
        <location filename="../../engine/data/MmrecImporter.cpp" line="39"/>
        <source>%1: no such file or folder; expected an MMRec dataset folder (NAME.inter and *_feat.npy files) or its .inter file</source>
        <translation>%1：没有这个文件或文件夹；应为 MMRec 数据集文件夹（含 NAME.inter 和 *_feat.npy 文件）或其中的 .inter 文件</translation>
    </message>
    <message>
        <location filename="../../engine/data/MmrecImporter.cpp" line="45"/>
        <source>%1: expected an MMRec .inter file or a folder holding one</source>
        <translation>%1：应为 MMRec 的 .inter 文件或包含它的文件夹</translation>
    </message>
    <message>
        <location filename="../../engine/data/MmrecImporter.cpp" line="50"/>
        <source>%1: no .inter file in this folder; expected one NAME.inter (tab-separated userID, itemID, rating, timestamp, x_label) as MMRec publishes its datasets</source>
        <translation>%1：此文件夹中没有 .inter 文件；应有一个 NAME.inter（以制表符分隔的 userID、itemID、rating、timestamp、x_label），与 MMRec 发布数据集的格式一致</translation>
    </message>
    <message>
        <location filename="../../engine/data/MmrecImporter.cpp" line="55"/>
        <source>%1: %2 .inter files (%3); expected exactly one, or open the .inter file itself</source>
        <translation>%1：有 %2 个 .inter 文件（%3）；应恰好只有一个，或直接打开该 .inter 文件</translation>
    </message>
    <message>
        <location filename="../../engine/data/MmrecImporter.cpp" line="82"/>
        <source>a NumPy .npy file</source>
        <translation>NumPy .npy 文件</translation>
    </message>
    <message>
        <location filename="../../engine/data/MmrecImporter.cpp" line="85"/>
        <source>%1: leads outside the dataset folder %2 (to %3); expected a file inside it</source>
        <translation>%1：指向数据集文件夹 %2 之外（指向 %3）；应为该文件夹内的文件</translation>
    </message>
    <message>
        <location filename="../../engine/data/MmrecImporter.cpp" line="111"/>
        <source>%1:1: expected the columns asin and itemID (tab-separated); the header has: %2</source>
        <translation>%1:1：应有列 asin 和 itemID（以制表符分隔）；表头包含：%2</translation>
    </message>
    <message>
        <location filename="../../engine/data/MmrecImporter.cpp" line="121"/>
        <source>%1:%2: itemID &quot;%3&quot; is not an item of the feature files; expected 0 to %4</source>
        <translation>%1:%2：itemID &quot;%3&quot; 不是特征文件中的物品；应为 0 到 %4</translation>
    </message>
    <message>
        <location filename="../../engine/data/MmrecImporter.cpp" line="125"/>
        <source>%1:%2: itemID %3 is mapped twice (also on line %4); expected each item once</source>
        <translation>%1:%2：itemID %3 被映射了两次（第 %4 行也有）；每个物品应只出现一次</translation>
    </message>
    <message>
        <location filename="../../engine/data/MmrecImporter.cpp" line="157"/>
        <source>%1: no feature files (*_feat.npy) next to %2; expected image_feat.npy and/or text_feat.npy with one row per item</source>
        <translation>%1：%2 旁边没有特征文件（*_feat.npy）；应有 image_feat.npy 和/或 text_feat.npy，每个物品一行</translation>
    </message>
    <message>
        <location filename="../../engine/data/MmrecImporter.cpp" line="170"/>
        <source>%1 has %2 rows but %3 has %4; expected every feature file to have one row per item (row i is itemID i)</source>
        <translation>%1 有 %2 行，但 %3 有 %4 行；每个特征文件都应每个物品一行（第 i 行即 itemID i）</translation>
    </message>
    <message>
        <location filename="../../engine/data/MmrecImporter.cpp" line="178"/>
        <source>%1 has %2 rows; expected at most %3 items</source>
        <translation>%1 有 %2 行；最多应为 %3 个物品</translation>
    </message>
    <message>
        <location filename="../../engine/data/MmrecImporter.cpp" line="220"/>
        <source>%1:1: the header has no column &quot;%2&quot;; expected MMRec&apos;s columns userID, itemID, rating, timestamp and x_label, tab-separated (rating and timestamp may be absent); the header has: %3</source>
        <translation>%1:1：表头中没有列 &quot;%2&quot;；应为 MMRec 的列 userID、itemID、rating、timestamp 和 x_label，以制表符分隔（rating 和 timestamp 可以没有）；表头包含：%3</translation>
    </message>
    <message>
        <location filename="../../engine/data/MmrecImporter.cpp" line="232"/>
        <source>%1 (%2 rows: item ids 0 to %3)</source>
        <translation>%1（%2 行：物品 ID 0 到 %3）</translation>
    </message>
</context>
<context>
    <name>fl::ModalitiesPanel</name>
    <message>
        <location filename="../../ui/ModalitiesPanel.cpp" line="28"/>
        <source>Weighted sum</source>
        <translation>加权和</translation>
    </message>
    <message>
        <location filename="../../ui/ModalitiesPanel.cpp" line="29"/>
        <source>Elementwise product</source>
        <translation>逐元素乘积</translation>
    </message>
    <message>
        <location filename="../../ui/ModalitiesPanel.cpp" line="30"/>
        <source>Weighted concatenation</source>
        <translation>加权拼接</translation>
    </message>
    <message>
        <location filename="../../ui/ModalitiesPanel.cpp" line="31"/>
        <source>How the modality matrices are combined into the item features F.
Sum and product need one width: wider modalities are reduced by PCA, narrower ones padded.</source>
        <translation>各模态矩阵如何组合成物品特征 F。
加权和与逐元素乘积要求宽度一致：较宽的模态用 PCA 降维，较窄的模态补齐。</translation>
    </message>
    <message>
        <location filename="../../ui/ModalitiesPanel.cpp" line="33"/>
        <source>Operator:</source>
        <translation>融合运算：</translation>
    </message>
    <message>
        <location filename="../../ui/ModalitiesPanel.cpp" line="35"/>
        <source>Mean imputation</source>
        <translation>均值填补</translation>
    </message>
    <message>
        <location filename="../../ui/ModalitiesPanel.cpp" line="36"/>
        <source>Zeros + missing flag</source>
        <translation>零值 + 缺失指示列</translation>
    </message>
    <message>
        <location filename="../../ui/ModalitiesPanel.cpp" line="37"/>
        <source>Leave items out</source>
        <translation>剔除物品</translation>
    </message>
    <message>
        <location filename="../../ui/ModalitiesPanel.cpp" line="38"/>
        <source>What an item gets when it has no text, image or value for a fused modality:
the modality&apos;s mean vector; zeros plus a column that says &quot;missing&quot;, so the model
can learn what absence means; or its ratings left out of training and validation.</source>
        <translation>物品在某个参与融合的模态上没有文本、图像或数值时如何处理：
使用该模态的均值向量；填零并加一列“缺失”标记，让模型
学到缺失意味着什么；或者将其评分从训练和验证中剔除。</translation>
    </message>
    <message>
        <location filename="../../ui/ModalitiesPanel.cpp" line="41"/>
        <source>Missing data:</source>
        <translation>缺失数据：</translation>
    </message>
    <message>
        <location filename="../../ui/ModalitiesPanel.cpp" line="42"/>
        <source>learned with the model</source>
        <translation>随模型一起学习</translation>
    </message>
    <message>
        <location filename="../../ui/ModalitiesPanel.cpp" line="43"/>
        <source>Weights:</source>
        <translation>权重：</translation>
    </message>
    <message>
        <location filename="../../ui/ModalitiesPanel.cpp" line="114"/>
        <source>Include the %1 modality (%2, from %3) in the fusion.</source>
        <translation>将 %1 模态（%2，来自 %3）纳入融合。</translation>
    </message>
    <message>
        <location filename="../../ui/ModalitiesPanel.cpp" line="120"/>
        <source>Weight of %1 in the fusion. Releasing the slider starts a new run; the previous curve stays as a ghost.</source>
        <translation>%1 在融合中的权重。松开滑块即开始新的运行；之前的曲线会以淡色保留。</translation>
    </message>
    <message>
        <location filename="../../ui/ModalitiesPanel.cpp" line="125"/>
        <source>Exact weight of %1.</source>
        <translation>%1 的精确权重。</translation>
    </message>
    <message>
        <location filename="../../ui/ModalitiesPanel.cpp" line="134"/>
        <source>LSA </source>
        <translation>LSA </translation>
    </message>
    <message>
        <location filename="../../ui/ModalitiesPanel.cpp" line="135"/>
        <source>Width of the text embedding: the number of LSA components kept from the TF-IDF matrix.</source>
        <translation>文本嵌入的宽度：从 TF-IDF 矩阵中保留的 LSA 成分数。</translation>
    </message>
    <message>
        <location filename="../../ui/ModalitiesPanel.cpp" line="145"/>
        <source>grid mean</source>
        <translation>网格均值</translation>
    </message>
    <message>
        <location filename="../../ui/ModalitiesPanel.cpp" line="146"/>
        <source>histogram</source>
        <translation>直方图</translation>
    </message>
    <message>
        <location filename="../../ui/ModalitiesPanel.cpp" line="147"/>
        <source>both</source>
        <translation>两者</translation>
    </message>
    <message>
        <location filename="../../ui/ModalitiesPanel.cpp" line="150"/>
        <source>Image features: mean colour per cell of a 4×4 grid, a colour histogram, or both.</source>
        <translation>图像特征：4×4 网格中每格的平均颜色、颜色直方图，或两者都用。</translation>
    </message>
    <message>
        <location filename="../../ui/ModalitiesPanel.cpp" line="251"/>
        <source>learned: %1 (▼ on the sliders)</source>
        <translation>学习值：%1（滑块上的 ▼）</translation>
    </message>
    <message>
        <location filename="../../ui/ModalitiesPanel.cpp" line="260"/>
        <source>Train the fusion weights with the model, starting from the values set here and keeping their sum (αₖ = s·softmax(θ)ₖ). The learned values show as ▼ on the sliders, beside the ones you chose.</source>
        <translation>与模型一起训练融合权重，从这里设定的值出发并保持其和不变（αₖ = s·softmax(θ)ₖ）。学习得到的值以 ▼ 显示在滑块上，与你所选的值并列。</translation>
    </message>
</context>
<context>
    <name>fl::ModalityMatrix</name>
    <message>
        <location filename="../../engine/embedding/ModalityMatrix.cpp" line="122"/>
        <source>%1: %L2 of %L3 items have no value; filled with the column mean.</source>
        <translation>%1：%L3 个物品中有 %L2 个没有值；已用列均值填补。</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/ModalityMatrix.cpp" line="123"/>
        <source>%1: %L2 of %L3 items have no value (NaN or inf in %L4 of them); filled with the column mean.</source>
        <translation>%1：%L3 个物品中有 %L2 个没有值（其中 %L4 个为 NaN 或 inf）；已用列均值填补。</translation>
    </message>
</context>
<context>
    <name>fl::ModelPanel</name>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="28"/>
        <source>The seed: ŷ = Fw + b on the fused item features F, fitted to the ratings. The dotted line is its closed-form optimum.</source>
        <translation>种子模型：在融合后的物品特征 F 上计算 ŷ = Fw + b，拟合评分。虚线是它的闭式最优解。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="31"/>
        <source>The seed&apos;s regression as a recommender: ŷ = b + wᵀfᵢ (+ bᵤ + bᵢ) fitted to the training interactions of the split, and judged by how it ranks held-out items.</source>
        <translation>把种子回归用作推荐模型：ŷ = b + wᵀfᵢ (+ bᵤ + bᵢ) 拟合划分出的训练交互，并按它对留出物品的排序效果来评估。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="34"/>
        <source>Ranks items by their number of training interactions, the same list for everyone. The baseline every other model must beat.</source>
        <translation>按训练交互数对物品排序，所有用户得到同一份列表。这是其他所有模型都必须超越的基线。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="37"/>
        <source>Scores an item by the cosine similarity of its fused content to what the user already has (50 nearest neighbours). No training epochs.</source>
        <translation>按物品融合内容与用户已有物品的余弦相似度打分（50 个最近邻）。无需训练轮次。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="40"/>
        <source>ŷ = μ + bᵤ + bᵢ + pᵤᵀqᵢ: collaborative filtering without content. It cannot rank items nobody has trained on.</source>
        <translation>ŷ = μ + bᵤ + bᵢ + pᵤᵀqᵢ：不使用内容的协同过滤。它无法为训练集中没有任何交互的物品排序。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="43"/>
        <source>ŷ = μ + bᵤ + bᵢ + βᵀfᵢ + pᵤᵀ(qᵢ + W fᵢ): factors from the ratings plus the fused content fᵢ, so cold items are ranked by their content.</source>
        <translation>ŷ = μ + bᵤ + bᵢ + βᵀfᵢ + pᵤᵀ(qᵢ + W fᵢ)：因子来自评分，再加上融合内容 fᵢ，因此冷启动物品可按其内容排序。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="46"/>
        <source>ŷ = μ + bᵤ + bᵢ + βᵀfᵢ + pᵤᵀW fᵢ: the hybrid without item factors — everything an item gets comes from its content.</source>
        <translation>ŷ = μ + bᵤ + bᵢ + βᵀfᵢ + pᵤᵀW fᵢ：去掉物品因子的混合模型——物品的一切表示都来自其内容。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="49"/>
        <source>Scores every item by a fixed, seeded random number: what a model that cannot tell items apart achieves. The floor every model must clear. No training epochs.</source>
        <translation>用固定随机种子为每个物品打分：无法区分物品的模型所能达到的水平，是每个模型都必须超越的底线。无需训练轮次。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="52"/>
        <source>A neural network on the fused content: ŷ = b + bᵤ + bᵢ + (w + pᵤ)ᵀh(fᵢ), h two ReLU layers (64, 32), pᵤ each user&apos;s own weights. With BPR loss it ranks; with squared loss it predicts ratings.</source>
        <translation>基于融合内容的神经网络：ŷ = b + bᵤ + bᵢ + (w + pᵤ)ᵀh(fᵢ)，h 为两层 ReLU（64、32），pᵤ 为每个用户自己的权重。使用 BPR 损失时用于排序；使用平方损失时预测评分。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="56"/>
        <source>Linear support vector regression: ŷ = b + bᵤ + bᵢ + (w + pᵤ)ᵀfᵢ with the ε-insensitive loss max(0, |ŷ − r| − ε): errors inside the tube of half-width ε cost nothing.</source>
        <translation>线性支持向量回归：ŷ = b + bᵤ + bᵢ + (w + pᵤ)ᵀfᵢ，采用 ε 不敏感损失 max(0, |ŷ − r| − ε)：落在半宽为 ε 的间隔带内的误差不计损失。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="69"/>
        <source>Linear regression (the seed)</source>
        <translation>线性回归（种子模型）</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="71"/>
        <source>Linear regression as a recommender</source>
        <translation>线性回归用作推荐模型</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="73"/>
        <source>Popularity (baseline)</source>
        <translation>热门度（基线）</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="75"/>
        <source>Item-kNN on fused content</source>
        <translation>基于融合内容的物品 kNN</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="77"/>
        <source>Matrix factorization (no content)</source>
        <translation>矩阵分解（不含内容）</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="79"/>
        <source>Hybrid: MF + fused content (VBPR)</source>
        <translation>混合模型：MF + 融合内容（VBPR）</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="81"/>
        <source>Content only (fused features)</source>
        <translation>纯内容（融合特征）</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="83"/>
        <source>Random (chance baseline)</source>
        <translation>随机（基线）</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="85"/>
        <source>Neural network on fused content</source>
        <translation>基于融合内容的神经网络</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="87"/>
        <source>Support vector regression (linear)</source>
        <translation>支持向量回归（线性）</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="118"/>
        <source>What a run fits. The linear regression predicts ratings from the fused features; the recommendation models rank items for each user and report ranking metrics on held-out interactions.</source>
        <translation>一次运行所拟合的模型。线性回归根据融合特征预测评分；推荐模型为每个用户对物品排序，并报告在留出交互上的排序指标。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="121"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="135"/>
        <source>Squared error on ratings</source>
        <translation>评分的平方误差</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="136"/>
        <source>BPR with sampled negatives</source>
        <translation>BPR（负采样）</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="137"/>
        <source>Squared error fits the rating values. BPR (Bayesian personalized ranking) learns to rank each user&apos;s items above items they did not interact with — the choice for clicks and other implicit feedback.</source>
        <translation>平方误差拟合评分数值。BPR（贝叶斯个性化排序）学习把每个用户交互过的物品排在未交互的物品之前——适用于点击等隐式反馈。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="140"/>
        <source>Loss:</source>
        <translation>损失：</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="142"/>
        <source>user and item biases bᵤ + bᵢ</source>
        <translation>用户与物品偏置 bᵤ + bᵢ</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="143"/>
        <source>Adds a bias per user and per item to the linear model: how generous each user is and how liked each item is beyond its features.</source>
        <translation>为线性模型给每个用户和每个物品各加一个偏置：反映每个用户打分有多宽松，以及每个物品在其特征之外有多受欢迎。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="145"/>
        <source>Biases:</source>
        <translation>偏置：</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="149"/>
        <source>Latent dimension k of the user and item factors pᵤ, qᵢ.</source>
        <translation>用户与物品因子 pᵤ、qᵢ 的隐维度 k。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="150"/>
        <source>Factors k:</source>
        <translation>因子维度 k：</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="153"/>
        <source>Widths of the network&apos;s ReLU hidden layers, input side first, e.g. &quot;64, 32&quot;; &quot;none&quot; for no hidden layer.</source>
        <translation>网络各 ReLU 隐藏层的宽度，从输入侧开始，例如“64, 32”；输入“none”表示没有隐藏层。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="155"/>
        <source>Hidden layers:</source>
        <translation>隐藏层：</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="160"/>
        <source>The probability of dropping a hidden unit in each training step (0: off). Scoring always uses the whole network.</source>
        <translation>每个训练步中丢弃一个隐藏单元的概率（0：关闭）。打分时总是使用完整的网络。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="162"/>
        <source>Dropout:</source>
        <translation>Dropout：</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="167"/>
        <source>Half-width ε of the SVR&apos;s tube: errors smaller than ε cost nothing.</source>
        <translation>SVR 间隔带的半宽 ε：小于 ε 的误差不计损失。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="168"/>
        <source>Tube ε:</source>
        <translation>间隔带 ε：</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="171"/>
        <source>Per rating, this many items the user has not rated are trained towards 0, so that the SVR ranks what users pick. 0: ratings only, to predict ratings.</source>
        <translation>每条评分另取这么多个用户未评分的物品，以 0 为目标训练，使 SVR 能对用户会选择的物品排序。0：只用评分，用于预测评分。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="173"/>
        <source>Unrated samples:</source>
        <translation>未评分采样：</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="174"/>
        <source>each user&apos;s own weights pᵤ</source>
        <translation>每个用户自己的权重 pᵤ</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="175"/>
        <source>Adds a weight vector per user to the shared one, (w + pᵤ)ᵀ: without it every user gets the same ranking.</source>
        <translation>为每个用户在共享权重上加一个权重向量，即 (w + pᵤ)ᵀ：没有它，每个用户得到的排序都相同。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="177"/>
        <source>Personal:</source>
        <translation>个性化：</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="180"/>
        <source>Random, per user</source>
        <translation>随机（按用户）</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="181"/>
        <source>Latest per user</source>
        <translation>每个用户的最新交互</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="182"/>
        <source>Latest overall (one cut time)</source>
        <translation>全局最新（统一截止时间）</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="183"/>
        <source>The dataset&apos;s own split</source>
        <translation>数据集自带的划分</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="184"/>
        <source>Cold-start items</source>
        <translation>冷启动物品</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="185"/>
        <source>Which interactions are held out for validation and test. Cold-start items holds whole items out of training, so only their content can rank them. The temporal splits need timestamps; the dataset&apos;s own split needs its labels (MMRec x_label).</source>
        <translation>哪些交互留作验证和测试。“冷启动物品”把整个物品排除在训练之外，因此只能靠内容为它们排序。按时间的划分需要时间戳；数据集自带的划分需要其标签（MMRec x_label）。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="188"/>
        <source>Split:</source>
        <translation>划分：</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="193"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="194"/>
        <source>The test share: of each user&apos;s interactions, of all interactions (latest overall) or of the items (cold-start). A tenth of the rest is validation.</source>
        <translation>测试集所占比例：按每个用户的交互、全部交互（全局最新）或物品（冷启动）计算。其余部分的十分之一用作验证。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="196"/>
        <source>Test share:</source>
        <translation>测试比例：</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="200"/>
        <source>use the share</source>
        <translation>使用比例</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="201"/>
        <source>Latest per user: each user&apos;s last N interactions are test (and the N before them validation). 0 uses the test share instead.</source>
        <translation>每个用户的最新交互：每个用户最后 N 条交互用作测试（再往前 N 条用作验证）。设为 0 则改用测试比例。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="203"/>
        <source>Last N:</source>
        <translation>最后 N 条：</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="206"/>
        <source>The list lengths K of Precision, Recall, NDCG, HitRate and MAP, e.g. &quot;10, 20&quot;. Early stopping watches NDCG at the first K.</source>
        <translation>Precision、Recall、NDCG、HitRate 和 MAP 的列表长度 K，例如 &quot;10, 20&quot;。早停监控第一个 K 处的 NDCG。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="208"/>
        <source>Metrics at K:</source>
        <translation>指标的 K 值：</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="213"/>
        <source>rating ≥</source>
        <translation>评分 ≥</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="217"/>
        <source>Count a test interaction as relevant only when its rating reaches the threshold. Off: every test interaction is relevant (MMRec&apos;s protocol).</source>
        <translation>仅当测试交互的评分达到阈值时才算作相关。关闭时：所有测试交互都算相关（MMRec 的评测方式）。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="222"/>
        <source>Relevant:</source>
        <translation>相关：</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="226"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="227"/>
        <source> epochs</source>
        <translation> 轮</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="228"/>
        <source>Early stopping: stop when validation NDCG has not improved for this many epochs, and keep the best epoch&apos;s parameters.</source>
        <translation>早停：验证 NDCG 连续这么多轮没有提升时停止训练，并保留最佳一轮的参数。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="230"/>
        <source>Patience:</source>
        <translation>早停耐心：</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="342"/>
        <source>This dataset has no timestamps.</source>
        <translation>此数据集没有时间戳。</translation>
    </message>
    <message>
        <location filename="../../ui/ModelPanel.cpp" line="343"/>
        <source>This dataset has no train/validation/test labels of its own.</source>
        <translation>此数据集没有自带的训练/验证/测试标签。</translation>
    </message>
</context>
<context>
    <name>fl::MovieLensImporter</name>
    <message>
        <location filename="../../engine/data/MovieLensImporter.cpp" line="61"/>
        <source>MovieLens CSV files are UTF-8 (was the file saved again in another encoding?)</source>
        <translation>MovieLens 的 CSV 文件是 UTF-8 编码（该文件是否被另存为了其他编码？）</translation>
    </message>
    <message>
        <location filename="../../engine/data/MovieLensImporter.cpp" line="120"/>
        <source>%1: not a MovieLens folder; expected ratings.csv and movies.csv (ml-latest, ml-20m, ml-25m, ml-32m), ratings.dat and movies.dat (ml-1m) or u.data and u.item (ml-100k)</source>
        <translation>%1：不是 MovieLens 文件夹；应包含 ratings.csv 和 movies.csv（ml-latest、ml-20m、ml-25m、ml-32m）、ratings.dat 和 movies.dat（ml-1m），或 u.data 和 u.item（ml-100k）</translation>
    </message>
    <message>
        <location filename="../../engine/data/MovieLensImporter.cpp" line="126"/>
        <source>%1: found %2 but not %3; a MovieLens folder (%4) has both (looked for %5)</source>
        <translation>%1：找到了 %2，但没有 %3；MovieLens 文件夹（%4）两者都有（查找位置：%5）</translation>
    </message>
    <message>
        <location filename="../../engine/data/MovieLensImporter.cpp" line="247"/>
        <source>%1:%2: &quot;%3&quot; is not a genre name and a new number; expected name|number with the numbers 0 to %4 once each</source>
        <translation>%1:%2：&quot;%3&quot; 不是“类型名称|新编号”；应为 name|number 格式，编号 0 到 %4 各出现一次</translation>
    </message>
    <message>
        <location filename="../../engine/data/MovieLensImporter.cpp" line="260"/>
        <source>%1: genre number %2 is missing; expected the numbers 0 to %3, one per genre flag of u.item</source>
        <translation>%1：缺少类型编号 %2；应有编号 0 到 %3，分别对应 u.item 中的每个类型标志</translation>
    </message>
    <message>
        <location filename="../../engine/data/MovieLensImporter.cpp" line="280"/>
        <source>%1:%2: genre flag &quot;%3&quot; (field %4, %5) is not 0 or 1; expected 0 or 1</source>
        <translation>%1:%2：类型标志 &quot;%3&quot;（第 %4 个字段，%5）不是 0 或 1；应为 0 或 1</translation>
    </message>
    <message>
        <location filename="../../engine/data/MovieLensImporter.cpp" line="311"/>
        <source>%1:%2: item id &quot;%3&quot; in column &quot;%4&quot; is not in %5; expected one of the items file&apos;s ids</source>
        <translation>%1:%2：列 &quot;%4&quot; 中的物品 ID &quot;%3&quot; 不在 %5 中；应为物品文件中的某个 ID</translation>
    </message>
    <message>
        <location filename="../../engine/data/MovieLensImporter.cpp" line="348"/>
        <source>%1: title, genres; %2: tags</source>
        <translation>%1：标题、类型；%2：标签</translation>
    </message>
    <message>
        <location filename="../../engine/data/MovieLensImporter.cpp" line="349"/>
        <source>%1: title, genres</source>
        <translation>%1：标题、类型</translation>
    </message>
    <message>
        <location filename="../../engine/data/MovieLensImporter.cpp" line="383"/>
        <source>%1: genre flags</source>
        <translation>%1：类型标志</translation>
    </message>
    <message>
        <location filename="../../engine/data/MovieLensImporter.cpp" line="384"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../engine/data/MovieLensImporter.cpp" line="391"/>
        <source>%1: the year in the title</source>
        <translation>%1：标题中的年份</translation>
    </message>
    <message>
        <location filename="../../engine/data/MovieLensImporter.cpp" line="414"/>
        <source>%1: no such file or folder; expected a MovieLens folder</source>
        <translation>%1：没有这个文件或文件夹；应为 MovieLens 文件夹</translation>
    </message>
    <message>
        <location filename="../../engine/data/MovieLensImporter.cpp" line="450"/>
        <source>%1:%2: expected a movie but found the end of the file</source>
        <translation>%1:%2：应有一部电影，但已到文件末尾</translation>
    </message>
</context>
<context>
    <name>fl::Npy</name>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="222"/>
        <source>0 or 1</source>
        <translation>0 或 1</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="224"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="226"/>
        <source>a whole number from %1 to %2</source>
        <translation>%1 到 %2 之间的整数</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="255"/>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="256"/>
        <source>an integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="257"/>
        <source>a boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="258"/>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="259"/>
        <source>a tuple</source>
        <translation>元组</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="260"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="261"/>
        <source>a dict</source>
        <translation>字典</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="287"/>
        <source>expected only spaces and a newline after the header&apos;s closing &apos;}&apos;</source>
        <translation>文件头的右括号 &apos;}&apos; 之后应只有空格和一个换行符</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="289"/>
        <source>%1: the header (bytes %2 to %3) does not end with a newline; expected a header padded with spaces and ending in &apos;\n&apos;, as NumPy writes it</source>
        <translation>%1：文件头（第 %2 到 %3 字节）没有以换行符结尾；应像 NumPy 写入的那样，用空格填充并以 &apos;\n&apos; 结尾</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="310"/>
        <source>the end of the header</source>
        <translation>文件头末尾</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="314"/>
        <source>byte 0x%1</source>
        <translation>字节 0x%1</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="319"/>
        <source>%1: byte %2 (in the header): %3 but found %4</source>
        <translation>%1：第 %2 字节（文件头中）：%3，但实际为 %4</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="335"/>
        <source>expected a quoted key or &apos;}&apos;</source>
        <translation>应为带引号的键或 &apos;}&apos;</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="340"/>
        <source>%1: byte %2 (in the header): key &apos;%3&apos; appears twice; expected each key once</source>
        <translation>%1：第 %2 字节（文件头中）：键 &apos;%3&apos; 出现了两次；每个键应只出现一次</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="346"/>
        <source>expected &apos;:&apos; after the key</source>
        <translation>键之后应为 &apos;:&apos;</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="362"/>
        <source>expected &apos;,&apos; or &apos;%1&apos;</source>
        <translation>应为 &apos;,&apos; 或 &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="371"/>
        <source>nesting too deep; expected a flat dict</source>
        <translation>嵌套过深；应为扁平的字典</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="397"/>
        <source>expected a closing %1 (escape sequences are not supported)</source>
        <translation>应有闭合的 %1（不支持转义序列）</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="412"/>
        <source>expected an integer that fits in 64 bits</source>
        <translation>应为 64 位以内的整数</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="427"/>
        <source>expected a Python literal (a dict, string, integer, tuple, True or False)</source>
        <translation>应为 Python 字面量（字典、字符串、整数、元组、True 或 False）</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="444"/>
        <source>the dtype is structured (%1 of named fields or sub-arrays); expected %2</source>
        <translation>dtype 是结构化的（由命名字段或子数组组成的%1）；应为 %2</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="448"/>
        <source>&apos;descr&apos; is %1; expected a dtype string such as &apos;&lt;f4&apos;</source>
        <translation>&apos;descr&apos; 是 %1；应为 dtype 字符串，例如 &apos;&lt;f4&apos;</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="457"/>
        <source>dtype &apos;%1&apos; %2; expected %3</source>
        <translation>dtype &apos;%1&apos; %2；应为 %3</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="460"/>
        <source>holds Python objects (pickled), which FusionLab does not load</source>
        <translation>包含 Python 对象（pickle 序列化），FusionLab 不加载此类数据</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="462"/>
        <source>is complex</source>
        <translation>是复数类型</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="464"/>
        <source>holds strings</source>
        <translation>包含字符串</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="466"/>
        <source>is raw bytes (void) or a structured record</source>
        <translation>是原始字节（void）或结构化记录</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="468"/>
        <source>holds dates or durations</source>
        <translation>包含日期或时间间隔</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="470"/>
        <source>does not start with a byte order (&apos;&lt;&apos;, &apos;&gt;&apos; or &apos;|&apos;)</source>
        <translation>不以字节序标记（&apos;&lt;&apos;、&apos;&gt;&apos; 或 &apos;|&apos;）开头</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="476"/>
        <source>is an extended-precision float</source>
        <translation>是扩展精度浮点数</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="477"/>
        <source>is not a supported number type</source>
        <translation>不是受支持的数值类型</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="480"/>
        <source>has no byte order (&apos;|&apos;) but its values have %1 bytes</source>
        <translation>没有字节序（&apos;|&apos;），但其每个值有 %1 字节</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="493"/>
        <source>&apos;shape&apos; is %1; expected a tuple of non-negative integers such as (480, 512)</source>
        <translation>&apos;shape&apos; 是 %1；应为非负整数元组，例如 (480, 512)</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="494"/>
        <source>a tuple holding something other than non-negative integers</source>
        <translation>包含非负整数以外内容的元组</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="501"/>
        <source>the array has %1 dimensions (shape %2); expected 1 (one value per row) or 2 (rows × columns)</source>
        <translation>数组有 %1 维（形状 %2）；应为 1 维（每行一个值）或 2 维（行 × 列）</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="512"/>
        <source>%1: byte %2: the header is %3; expected a dict such as {&apos;descr&apos;: &apos;&lt;f4&apos;, &apos;fortran_order&apos;: False, &apos;shape&apos;: (480, 512), }</source>
        <translation>%1：第 %2 字节：文件头是 %3；应为字典，例如 {&apos;descr&apos;: &apos;&lt;f4&apos;, &apos;fortran_order&apos;: False, &apos;shape&apos;: (480, 512), }</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="519"/>
        <source>%1: byte %2 (in the header): unexpected key &apos;%3&apos;; expected only &apos;descr&apos;, &apos;fortran_order&apos; and &apos;shape&apos;</source>
        <translation>%1：第 %2 字节（文件头中）：意外的键 &apos;%3&apos;；应只有 &apos;descr&apos;、&apos;fortran_order&apos; 和 &apos;shape&apos;</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="526"/>
        <source>%1: byte %2 (in the header): the header lacks the key &apos;%3&apos;; expected &apos;descr&apos;, &apos;fortran_order&apos; and &apos;shape&apos;</source>
        <translation>%1：第 %2 字节（文件头中）：文件头缺少键 &apos;%3&apos;；应有 &apos;descr&apos;、&apos;fortran_order&apos; 和 &apos;shape&apos;</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="538"/>
        <source>%1: byte %2 (in the header): &apos;fortran_order&apos; is %3; expected True or False</source>
        <translation>%1：第 %2 字节（文件头中）：&apos;fortran_order&apos; 是 %3；应为 True 或 False</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="551"/>
        <source>%1: does not start with the .npy magic string \x93NUMPY; expected a NumPy .npy file (as written by numpy.save)</source>
        <translation>%1：不以 .npy 魔数字符串 \x93NUMPY 开头；应为 NumPy .npy 文件（由 numpy.save 写入）</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="556"/>
        <source>%1: ends after %2 bytes, inside the format version; expected a .npy header</source>
        <translation>%1：文件在 %2 字节后结束，位于格式版本之内；应有 .npy 文件头</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="561"/>
        <source>%1: byte 6: .npy format version %2.%3 is not supported; expected 1.0, 2.0 or 3.0</source>
        <translation>%1：第 6 字节：不支持 .npy 格式版本 %2.%3；应为 1.0、2.0 或 3.0</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="567"/>
        <source>%1: ends inside the header length (byte 8); expected a .npy header</source>
        <translation>%1：文件在文件头长度字段（第 8 字节）内结束；应有 .npy 文件头</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="572"/>
        <source>%1: byte 8: the header length field says %2 bytes; expected a header of at most %3 bytes</source>
        <translation>%1：第 8 字节：文件头长度字段为 %2 字节；文件头最多应为 %3 字节</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="577"/>
        <source>%1: the header length field (byte 8) says %2 bytes but the file ends after %3; expected the whole header</source>
        <translation>%1：文件头长度字段（第 8 字节）为 %2 字节，但文件在 %3 字节后就结束了；应包含完整的文件头</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="586"/>
        <source>%1: the version 3.0 header (from byte %2) is not valid UTF-8; expected UTF-8 text</source>
        <translation>%1：版本 3.0 的文件头（从第 %2 字节起）不是有效的 UTF-8；应为 UTF-8 文本</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="601"/>
        <source>%1: shape %2 of &apos;%3&apos; is larger than any file can be; expected the array&apos;s real shape</source>
        <translation>%1：&apos;%3&apos; 的形状 %2 超出了任何文件可能的大小；应为数组的真实形状</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="607"/>
        <source>%1: shape %2 of &apos;%3&apos; needs %4 bytes of data after the header (from byte %5) but the file has %6; expected the data to match the shape (is the file truncated?)</source>
        <translation>%1：&apos;%3&apos; 的形状 %2 需要文件头之后（从第 %5 字节起）有 %4 字节数据，但文件只有 %6 字节；数据应与形状一致（文件是否被截断？）</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="613"/>
        <source>%1: the file has %2 bytes after the data (from byte %3); shape %4 of &apos;%5&apos; needs only %6 bytes; expected the data to end the file (does the header understate the shape?)</source>
        <translation>%1：文件在数据之后（从第 %3 字节起）还有 %2 字节；&apos;%5&apos; 的形状 %4 只需要 %6 字节；数据应到文件末尾为止（文件头中的形状是否写小了？）</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="624"/>
        <source>%1: no such file; expected a NumPy .npy file</source>
        <translation>%1：没有这个文件；应为 NumPy .npy 文件</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="626"/>
        <source>%1: cannot open: %2</source>
        <translation>%1：无法打开：%2</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="693"/>
        <source>%1: not enough memory for a %2 × %3 matrix of doubles (%4 MB)</source>
        <translation>%1：内存不足，无法存放 %2 × %3 的双精度矩阵（%4 MB）</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="703"/>
        <source>%1: cannot seek to the data at byte %2: %3</source>
        <translation>%1：无法定位到第 %2 字节处的数据：%3</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="713"/>
        <source>%1: reading the data failed at byte %2: %3</source>
        <translation>%1：读取数据在第 %2 字节处失败：%3</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="723"/>
        <source>%1: byte %2 holds %3 in a &apos;|b1&apos; (bool) array; expected 0 or 1</source>
        <translation>%1：&apos;|b1&apos;（bool）数组的第 %2 字节为 %3；应为 0 或 1</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="728"/>
        <source>%1: reading cancelled</source>
        <translation>%1：读取已取消</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="738"/>
        <source>%1: cannot write .npy format version %2; expected 1, 2 or 3</source>
        <translation>%1：无法写入 .npy 格式版本 %2；应为 1、2 或 3</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="740"/>
        <source>%1: a %2 × %3 matrix cannot be written as a 1-D array; expected a single column</source>
        <translation>%1：%2 × %3 的矩阵不能写成一维数组；应只有一列</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="757"/>
        <location filename="../../engine/data/Npy.cpp" line="788"/>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <location filename="../../engine/data/Npy.cpp" line="774"/>
        <source>%1: the value %2 at row %3, column %4 cannot be stored as &apos;%5&apos;; expected %6</source>
        <translation>%1：第 %3 行第 %4 列的值 %2 无法存储为 &apos;%5&apos;；应为 %6</translation>
    </message>
</context>
<context>
    <name>fl::ParameterHistory</name>
    <message numerus="yes">
        <location filename="../../ui/ParameterHistory.cpp" line="57"/>
        <source>+%n more</source>
        <translation>
            <numerusform>另有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ParameterHistory.cpp" line="99"/>
        <source>parameter change</source>
        <translation>参数更改</translation>
    </message>
    <message>
        <location filename="../../ui/ParameterHistory.cpp" line="141"/>
        <source>Undo %1</source>
        <translation>撤销 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ParameterHistory.cpp" line="141"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/ParameterHistory.cpp" line="160"/>
        <source>Redo %1</source>
        <translation>重做 %1</translation>
    </message>
    <message>
        <location filename="../../ui/ParameterHistory.cpp" line="160"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
</context>
<context>
    <name>fl::PopularityModel</name>
    <message>
        <location filename="../../engine/models/PopularityModel.cpp" line="18"/>
        <source>Popularity</source>
        <translation>热门度</translation>
    </message>
</context>
<context>
    <name>fl::ProgressStrip</name>
    <message>
        <location filename="../../ui/ProgressStrip.cpp" line="27"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/ProgressStrip.cpp" line="28"/>
        <source>Stop this work; what was loaded before stays as it was.</source>
        <translation>停止此操作；之前加载的内容保持不变。</translation>
    </message>
    <message>
        <location filename="../../ui/ProgressStrip.cpp" line="47"/>
        <source>%1 %p%</source>
        <translation>%1 %p%</translation>
    </message>
</context>
<context>
    <name>fl::RandomModel</name>
    <message>
        <location filename="../../engine/models/RandomModel.cpp" line="33"/>
        <source>Random</source>
        <translation>随机</translation>
    </message>
</context>
<context>
    <name>fl::RankingMetrics</name>
    <message>
        <location filename="../../engine/evaluation/RankingMetrics.cpp" line="209"/>
        <source>The %1 interactions include index %2; expected indices from 0 to %3 (the dataset&apos;s interactions).</source>
        <translation>%1交互中包含索引 %2；索引应在 0 到 %3 之间（即数据集的交互）。</translation>
    </message>
    <message>
        <location filename="../../engine/evaluation/RankingMetrics.cpp" line="221"/>
        <source>The model “%1” knows %2 users and %3 items; expected the dataset&apos;s %4 users and %5 items.</source>
        <translation>模型“%1”包含 %2 个用户和 %3 个物品；应与数据集一致，即 %4 个用户和 %5 个物品。</translation>
    </message>
    <message>
        <location filename="../../engine/evaluation/RankingMetrics.cpp" line="238"/>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../engine/evaluation/RankingMetrics.cpp" line="238"/>
        <location filename="../../engine/evaluation/RankingMetrics.cpp" line="455"/>
        <source>excluded</source>
        <translation>排除的</translation>
    </message>
    <message>
        <location filename="../../engine/evaluation/RankingMetrics.cpp" line="247"/>
        <source>The cut-offs K are “%1”; expected one or more whole numbers of at least 1.</source>
        <translation>截断值 K 为“%1”；应为一个或多个不小于 1 的整数。</translation>
    </message>
    <message>
        <location filename="../../engine/evaluation/RankingMetrics.cpp" line="346"/>
        <source>The %1 id “%2” holds a tab or a line break; a TSV file cannot hold it.</source>
        <translation>%1 ID“%2”包含制表符或换行符；TSV 文件无法存放它。</translation>
    </message>
    <message>
        <location filename="../../engine/evaluation/RankingMetrics.cpp" line="353"/>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../engine/evaluation/RankingMetrics.cpp" line="355"/>
        <source>item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../engine/evaluation/RankingMetrics.cpp" line="398"/>
        <source>The cold-start report needs items held out of training (a cold-items split); found %1 cold items among %2 flags for %3 items.</source>
        <translation>冷启动报告需要在训练中留出的物品（冷启动物品划分）；在 %3 个物品的 %2 个标志中只找到 %1 个冷启动物品。</translation>
    </message>
    <message>
        <location filename="../../engine/evaluation/RankingMetrics.cpp" line="412"/>
        <source>rated</source>
        <translation>已评分的</translation>
    </message>
    <message>
        <location filename="../../engine/evaluation/RankingMetrics.cpp" line="415"/>
        <source>RMSE and MAE need at least one interaction; found none.</source>
        <translation>RMSE 和 MAE 至少需要一条交互；但一条也没有。</translation>
    </message>
    <message>
        <location filename="../../engine/evaluation/RankingMetrics.cpp" line="451"/>
        <location filename="../../engine/evaluation/RankingMetrics.cpp" line="487"/>
        <source>%1 user ids for %2 users.</source>
        <translation>%2 个用户却有 %1 个用户 ID。</translation>
    </message>
    <message>
        <location filename="../../engine/evaluation/RankingMetrics.cpp" line="460"/>
        <source>The number of recommendations per user is %1; expected at least 1.</source>
        <translation>每个用户的推荐数为 %1；应至少为 1。</translation>
    </message>
    <message>
        <location filename="../../engine/evaluation/RankingMetrics.cpp" line="463"/>
        <source>User index %1 is out of range; expected 0 to %2.</source>
        <translation>用户索引 %1 超出范围；应为 0 到 %2。</translation>
    </message>
    <message>
        <location filename="../../engine/evaluation/RankingMetrics.cpp" line="495"/>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>fl::RecBoleImporter</name>
    <message>
        <location filename="../../engine/data/RecBoleImporter.cpp" line="45"/>
        <source>RecBole&apos;s atomic files are UTF-8 (its &quot;encoding&quot; setting defaults to utf-8)</source>
        <translation>RecBole 的原子文件是 UTF-8 编码（其 &quot;encoding&quot; 设置默认为 utf-8）</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecBoleImporter.cpp" line="85"/>
        <source>%1:1: field %2 &quot;%3&quot; has no type; expected name:type with the type token, token_seq, float or float_seq (e.g. user_id:token), as in RecBole&apos;s atomic files</source>
        <translation>%1:1：第 %2 个字段 &quot;%3&quot; 没有类型；应为 name:type 形式，类型为 token、token_seq、float 或 float_seq（例如 user_id:token），与 RecBole 的原子文件一致</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecBoleImporter.cpp" line="103"/>
        <source>%1:1: field %2 &quot;%3&quot; has type &quot;%4&quot;; expected token, token_seq, float or float_seq</source>
        <translation>%1:1：第 %2 个字段 &quot;%3&quot; 的类型为 &quot;%4&quot;；应为 token、token_seq、float 或 float_seq</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecBoleImporter.cpp" line="107"/>
        <source>%1:1: field %2 &quot;%3&quot; has no name; expected name:type (e.g. item_id:token)</source>
        <translation>%1:1：第 %2 个字段 &quot;%3&quot; 没有名称；应为 name:type 形式（例如 item_id:token）</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecBoleImporter.cpp" line="138"/>
        <source>%1:1: no %2 field; expected %3:token (RecBole&apos;s default) or exactly one token field whose name contains &quot;%2&quot;, but the header has: %4</source>
        <translation>%1:1：没有 %2 字段；应为 %3:token（RecBole 的默认值），或恰好一个名称中包含 &quot;%2&quot; 的 token 字段，但表头包含：%4</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecBoleImporter.cpp" line="150"/>
        <source>%1:1: field &quot;%2&quot; has the wrong type; expected %3:float</source>
        <translation>%1:1：字段 &quot;%2&quot; 的类型错误；应为 %3:float</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecBoleImporter.cpp" line="276"/>
        <source>%1:%2: field &quot;%3&quot; holds &quot;%4&quot;; expected a number (an empty cell marks the item missing)</source>
        <translation>%1:%2：字段 &quot;%3&quot; 的值为 &quot;%4&quot;；应为数字（空单元格表示该物品缺失）</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecBoleImporter.cpp" line="302"/>
        <source>%1:%2: field &quot;%3&quot; holds &quot;%4&quot; at position %5; expected space-separated finite numbers</source>
        <translation>%1:%2：字段 &quot;%3&quot; 在第 %5 个位置的值为 &quot;%4&quot;；应为以空格分隔的有限数</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecBoleImporter.cpp" line="318"/>
        <source>%1:%2: field &quot;%3&quot; has %4 values; expected %5 like line %6 (every item&apos;s vector needs the same length; an empty cell marks the item missing)</source>
        <translation>%1:%2：字段 &quot;%3&quot; 有 %4 个值；应与第 %6 行一样有 %5 个（每个物品的向量长度必须相同；空单元格表示该物品缺失）</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecBoleImporter.cpp" line="361"/>
        <source>%1: no such file or folder; expected a RecBole dataset folder</source>
        <translation>%1：没有这个文件或文件夹；应为 RecBole 数据集文件夹</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecBoleImporter.cpp" line="365"/>
        <source>%1: no %2; expected RecBole atomic files NAME/NAME.inter (and optionally NAME.item) (looked for %3)</source>
        <translation>%1：没有 %2；应为 RecBole 原子文件 NAME/NAME.inter（以及可选的 NAME.item）（查找位置：%3）</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecBoleImporter.cpp" line="417"/>
        <source>%1:1: no field %2:token; expected the item field of %3, but the header has: %4</source>
        <translation>%1:1：没有字段 %2:token；应为 %3 的物品字段，但表头包含：%4</translation>
    </message>
</context>
<context>
    <name>fl::RecSplit</name>
    <message>
        <location filename="../../engine/data/RecSplit.cpp" line="87"/>
        <source>%1 train, %2 validation, %3 test</source>
        <translation>训练 %1 条，验证 %2 条，测试 %3 条</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecSplit.cpp" line="96"/>
        <source>The test ratio is %1; expected a number from 0 up to (not including) 1.</source>
        <translation>测试比例为 %1；应为从 0 到 1（不含 1）的数。</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecSplit.cpp" line="99"/>
        <source>The validation ratio is %1; expected a number from 0 up to (not including) 1.</source>
        <translation>验证比例为 %1；应为从 0 到 1（不含 1）的数。</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecSplit.cpp" line="102"/>
        <source>The number of last interactions per user is %1; expected 0 (use the ratio) or more.</source>
        <translation>每个用户的最后交互数为 %1；应为 0（按比例划分）或更大。</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecSplit.cpp" line="112"/>
        <source>The %1 split needs a timestamp for every interaction; the dataset “%2” has none.</source>
        <translation>%1 划分需要每条交互都有时间戳；数据集“%2”没有时间戳。</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecSplit.cpp" line="114"/>
        <source>The %1 split needs a timestamp for every interaction; the dataset “%2” has %3 timestamps for %4 interactions.</source>
        <translation>%1 划分需要每条交互都有时间戳；数据集“%2”有 %3 个时间戳，却有 %4 条交互。</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecSplit.cpp" line="158"/>
        <source>Random per user (seed %1): %2 of each user&apos;s interactions to test, %3 of the rest to validation</source>
        <translation>按用户随机（随机种子 %1）：每个用户交互的 %2 划入测试，其余的 %3 划入验证</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecSplit.cpp" line="162"/>
        <source>Per user by time: the last %1 interactions to test, the %2 before them to validation</source>
        <translation>按用户按时间：最后 %1 条交互划入测试，其前的 %2 条划入验证</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecSplit.cpp" line="166"/>
        <source>Per user by time: the latest %1 of each user&apos;s interactions to test, the %2 of the rest just before them to validation</source>
        <translation>按用户按时间：每个用户最新的 %1 交互划入测试，其余交互中紧邻其前的 %2 划入验证</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecSplit.cpp" line="169"/>
        <source>%1; %2; users with a single interaction kept in train: %3.</source>
        <translation>%1；%2；只有一条交互而保留在训练中的用户：%3。</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecSplit.cpp" line="187"/>
        <source> test from timestamp %1 (interaction %2) on;</source>
        <translation>测试集自时间戳 %1（交互 %2）起；</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecSplit.cpp" line="189"/>
        <source> validation from timestamp %1 (interaction %2) on;</source>
        <translation>验证集自时间戳 %1（交互 %2）起；</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecSplit.cpp" line="208"/>
        <source>Global by time: the latest %1 of all interactions to test, the %2 of the rest just before them to validation;%3 %4; %5 test users have no training interaction.</source>
        <translation>全局按时间：所有交互中最新的 %1 划入测试，其余交互中紧邻其前的 %2 划入验证；%3%4；%5 个测试用户没有任何训练交互。</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecSplit.cpp" line="218"/>
        <source>The file split needs the dataset&apos;s own train/validation/test labels (such as MMRec&apos;s x_label); the dataset “%1” has none.</source>
        <translation>数据集自带的划分需要其训练/验证/测试标签（例如 MMRec 的 x_label）；数据集“%1”没有这些标签。</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecSplit.cpp" line="222"/>
        <source>The dataset “%1” has %2 split labels for %3 interactions; expected one per interaction.</source>
        <translation>数据集“%1”有 %2 个划分标签，却有 %3 条交互；应每条交互一个标签。</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecSplit.cpp" line="233"/>
        <source>Interaction %1 of the dataset “%2” has split label %3; expected 0 (train), 1 (validation) or 2 (test).</source>
        <translation>数据集“%2”中交互 %1 的划分标签为 %3；应为 0（训练）、1（验证）或 2（测试）。</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecSplit.cpp" line="240"/>
        <source>The dataset&apos;s own split: %1.</source>
        <translation>数据集自带的划分：%1。</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecSplit.cpp" line="271"/>
        <source>Cold items (seed %1): %2 test and %3 validation items of the %4 with interactions held out of training with all their interactions; %5.</source>
        <translation>冷启动物品（随机种子 %1）：在 %4 个有交互的物品中，%2 个测试物品和 %3 个验证物品连同其全部交互一起从训练中留出；%5。</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecSplit.cpp" line="313"/>
        <source>The dataset “%1” has %2 users, %3 items and %4 ratings in its interaction arrays; expected the same number of each.</source>
        <translation>数据集“%1”的交互数组中有 %2 个用户项、%3 个物品项和 %4 个评分；三者的数量应相同。</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecSplit.cpp" line="323"/>
        <source>Interaction %1 of the dataset “%2” refers to user %3 and item %4; expected a user below %5 and an item below %6.</source>
        <translation>数据集“%2”的交互 %1 指向用户 %3 和物品 %4；用户应小于 %5，物品应小于 %6。</translation>
    </message>
    <message>
        <location filename="../../engine/data/RecSplit.cpp" line="354"/>
        <source>Unknown split kind %1; expected one of %2.</source>
        <translation>未知的划分类型 %1；应为 %2 之一。</translation>
    </message>
</context>
<context>
    <name>fl::RecommendationsPanel</name>
    <message>
        <location filename="../../ui/RecommendationDelegates.cpp" line="32"/>
        <location filename="../../ui/RecommendationModels.h" line="84"/>
        <source>no image</source>
        <translation>无图像</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationModels.h" line="85"/>
        <source>loading image</source>
        <translation>正在加载图像</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationModels.h" line="86"/>
        <source>image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationModels.h" line="137"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationModels.h" line="138"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationModels.h" line="139"/>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationModels.h" line="140"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationModels.h" line="141"/>
        <source>Why: parts of the score</source>
        <translation>原因：得分的组成</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationModels.h" line="145"/>
        <source>Rank among the items the user has not rated in training</source>
        <translation>在该用户于训练数据中未评分的物品中的排名</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationModels.h" line="146"/>
        <source>The model&apos;s score: higher ranks first</source>
        <translation>模型给出的得分：得分越高排名越靠前</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationModels.h" line="148"/>
        <source>What each part of the model adds to the score: parts left of the line lower it, parts right of it raise it. The triangle marks the score. All rows share one scale.</source>
        <translation>模型各部分对得分的贡献：线左侧的部分降低得分，线右侧的部分提高得分。三角形标出得分。所有行使用同一刻度。</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationModels.h" line="180"/>
        <source>%1
id %2</source>
        <translation>%1
ID %2</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationModels.h" line="183"/>
        <source>category %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationModels.h" line="185"/>
        <source>Cold-start item: held out of training, so no one&apos;s ratings of it were seen; only its content can explain its score.</source>
        <translation>冷启动物品：它被排除在训练之外，模型没有见过任何人对它的评分；只有它的内容能解释其得分。</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationModels.h" line="202"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationModels.h" line="221"/>
        <source>score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationModels.h" line="223"/>
        <source>The parts sum to %1.</source>
        <translation>各部分之和为 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationModels.h" line="280"/>
        <source>id %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationDelegates.h" line="165"/>
        <location filename="../../ui/RecommendationModels.h" line="282"/>
        <source>rated %1</source>
        <translation>评分 %1</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationModels.h" line="284"/>
        <source>at %1</source>
        <translation>时间 %1</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationModels.h" line="289"/>
        <source>%1, rated %2</source>
        <translation>%1，评分 %2</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationDelegates.h" line="51"/>
        <source>cold start</source>
        <translation>冷启动</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="179"/>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="191"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="192"/>
        <source>Type any part of a user id</source>
        <translation>输入用户 ID 的任意部分</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="205"/>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="207"/>
        <location filename="../../ui/RecommendationsPanel.cpp" line="208"/>
        <source>Previous user</source>
        <translation>上一位用户</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="212"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="214"/>
        <location filename="../../ui/RecommendationsPanel.cpp" line="215"/>
        <source>Next user</source>
        <translation>下一位用户</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="216"/>
        <source>&amp;Random user</source>
        <translation>随机用户(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="219"/>
        <source>&amp;Show top:</source>
        <translation>显示前(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="224"/>
        <source>Number of recommendations</source>
        <translation>推荐数量</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="267"/>
        <source>Training history</source>
        <translation>训练数据中的历史记录</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="307"/>
        <source>Recommendations</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="400"/>
        <source>%1 has no training interactions: the model knows nothing of their taste.</source>
        <translation>用户 %1 在训练数据中没有交互：模型对其喜好一无所知。</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="402"/>
        <source>What %1 interacted with in training (%2), newest first</source>
        <translation>用户 %1 在训练数据中交互过的物品（%2 个），最新的在前</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="403"/>
        <source>What %1 interacted with in training (%2)</source>
        <translation>用户 %1 在训练数据中交互过的物品（%2 个）</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="405"/>
        <source>What %1 rated in training (%2), newest first</source>
        <translation>用户 %1 在训练数据中评过分的物品（%2 个），最新的在前</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="406"/>
        <source>What %1 rated in training (%2)</source>
        <translation>用户 %1 在训练数据中评过分的物品（%2 个）</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="410"/>
        <source>and %1 more</source>
        <translation>还有 %1 个</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="517"/>
        <source>▼ score · left of the line lowers it, right raises it</source>
        <translation>▼ 得分 · 线左侧降低得分，右侧提高得分</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="533"/>
        <source>Scoring %1 items for %2…</source>
        <translation>正在为用户 %2 给 %1 个物品打分…</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="535"/>
        <source>Nothing to recommend to %1: every item is already in their history or has no score.</source>
        <translation>没有可推荐给用户 %1 的物品：所有物品都已在其历史记录中，或没有得分。</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="538"/>
        <source>Top recommendation for %1, among %2 items not in their history</source>
        <translation>为用户 %1 推荐的首选物品（选自其历史记录之外的 %2 个物品）</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="540"/>
        <source>Top %1 recommendations for %2, among %3 items not in their history</source>
        <translation>为用户 %2 推荐的前 %1 个物品（选自其历史记录之外的 %3 个物品）</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="594"/>
        <source>The model does not fit this dataset: it knows %1 users and %2 items, the dataset has %3 users and %4 items. Train the model again on this dataset.</source>
        <translation>模型与此数据集不匹配：模型包含 %1 位用户和 %2 个物品，而数据集有 %3 位用户和 %4 个物品。请在此数据集上重新训练模型。</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="603"/>
        <source>This dataset has no users to recommend to.</source>
        <translation>此数据集中没有可以推荐的用户。</translation>
    </message>
    <message>
        <location filename="../../ui/RecommendationsPanel.cpp" line="639"/>
        <source>No model yet.

Train a model first: its recommendations, and why it makes them, will appear here.</source>
        <translation>尚无模型。

请先训练一个模型：它的推荐结果以及推荐原因将显示在这里。</translation>
    </message>
</context>
<context>
    <name>fl::RecommenderFactory</name>
    <message>
        <location filename="../../engine/models/RecommenderFactory.cpp" line="31"/>
        <source>The model &apos;%1&apos; needs fused item content; switch on at least one modality.</source>
        <translation>模型 &apos;%1&apos; 需要融合的物品内容；请至少开启一个模态。</translation>
    </message>
    <message>
        <location filename="../../engine/models/RecommenderFactory.cpp" line="34"/>
        <source>The fused content has %1 rows but the dataset has %2 items.</source>
        <translation>融合内容有 %1 行，但数据集有 %2 个物品。</translation>
    </message>
    <message>
        <location filename="../../engine/models/RecommenderFactory.cpp" line="42"/>
        <source>The linear model is fitted to ratings by squared loss; BPR is for the factor models.</source>
        <translation>线性模型按平方损失拟合评分；BPR 只用于因子模型。</translation>
    </message>
    <message>
        <location filename="../../engine/models/RecommenderFactory.cpp" line="51"/>
        <source>The support vector regression is fitted by the ε-insensitive loss; BPR is for the factor models and the neural network.</source>
        <translation>支持向量回归按 ε 不敏感损失拟合；BPR 只用于因子模型和神经网络。</translation>
    </message>
    <message>
        <location filename="../../engine/models/RecommenderFactory.cpp" line="64"/>
        <source>The number of factors must be at least 1 (it is %1).</source>
        <translation>因子数必须至少为 1（当前为 %1）。</translation>
    </message>
</context>
<context>
    <name>fl::ReportWriter</name>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="54"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="124"/>
        <source>train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="125"/>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="126"/>
        <source>train floor</source>
        <translation>训练损失下限</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="127"/>
        <source>validation floor</source>
        <translation>验证损失下限</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="128"/>
        <source>RMSE</source>
        <translation>RMSE</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="129"/>
        <source>MAE</source>
        <translation>MAE</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="216"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="223"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="224"/>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="225"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="227"/>
        <source>Users</source>
        <translation>用户数</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="228"/>
        <source>Items</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="229"/>
        <source>Interactions</source>
        <translation>交互</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="231"/>
        <location filename="../../ui/ReportWriter.cpp" line="403"/>
        <source>Modalities</source>
        <translation>模态</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="232"/>
        <source>Content hash</source>
        <translation>内容哈希</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="242"/>
        <source>No dataset was recorded with these runs.</source>
        <translation>这些运行记录中没有记录数据集。</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="247"/>
        <location filename="../../ui/ReportWriter.cpp" line="403"/>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="250"/>
        <source>No runs were selected.</source>
        <translation>未选择任何运行记录。</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="276"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="277"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="277"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="277"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="277"/>
        <source>Training time</source>
        <translation>训练用时</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="302"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="305"/>
        <source>The same in every run:</source>
        <translation>所有运行都相同：</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="315"/>
        <source>Different between the runs:</source>
        <translation>各运行之间不同：</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="328"/>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="361"/>
        <source>No run has results yet.</source>
        <translation>还没有任何运行产生结果。</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="366"/>
        <location filename="../../ui/ReportWriter.cpp" line="1319"/>
        <source>Loss curves</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="369"/>
        <source>No run has trained an epoch.</source>
        <translation>还没有任何运行训练完一轮。</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="379"/>
        <source>Loss per epoch, one colour per run (numbered as in the tables): training loss solid, validation loss dashed.</source>
        <translation>每轮的损失，每次运行一种颜色（编号与表格中一致）：训练损失为实线，验证损失为虚线。</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="391"/>
        <source>Modality ablation</source>
        <translation>模态消融</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="394"/>
        <source>Each subset of the modalities trained with the same settings over several seeds; the metric is %1 (%2). Δ is the subset&apos;s mean minus the mean of all modalities together.</source>
        <translation>每个模态子集都以相同的设置、在多个随机种子下训练；指标为 %1（%2）。Δ 为该子集的均值减去全部模态一起训练时的均值。</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="396"/>
        <source>higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="396"/>
        <source>lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="399"/>
        <source>No ablation run has finished.</source>
        <translation>还没有完成的消融运行。</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="403"/>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="403"/>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="403"/>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="403"/>
        <source>Δ to all</source>
        <translation>Δ（相对全部）</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="428"/>
        <source>FusionLab report</source>
        <translation>FusionLab 报告</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="430"/>
        <source>%1 · FusionLab %2</source>
        <translation>%1 · FusionLab %2</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="438"/>
        <source>α–β landscape</source>
        <translation>α–β 权重地形图</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="577"/>
        <location filename="../../ui/ReportWriter.cpp" line="813"/>
        <source>(This figure could not be read.)</source>
        <translation>（无法读取此图。）</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="982"/>
        <source>the PDF writer could not start</source>
        <translation>PDF 写入器无法启动</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="1002"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="1012"/>
        <source>the PDF could not be finished</source>
        <translation>PDF 无法完成</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="1128"/>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="1129"/>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="1188"/>
        <source>No finite loss to draw.</source>
        <translation>没有可绘制的有限损失值。</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="1230"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="1235"/>
        <source>loss (log scale)</source>
        <translation>损失（对数刻度）</translation>
    </message>
    <message>
        <location filename="../../ui/ReportWriter.cpp" line="1235"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
</context>
<context>
    <name>fl::RunChartView</name>
    <message>
        <location filename="../../ui/RunChartView.cpp" line="37"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../ui/RunChartView.cpp" line="78"/>
        <location filename="../../ui/RunChartView.cpp" line="134"/>
        <source>previous run</source>
        <translation>之前的运行</translation>
    </message>
    <message>
        <location filename="../../ui/RunChartView.cpp" line="78"/>
        <source>previous runs</source>
        <translation>之前的运行</translation>
    </message>
    <message>
        <location filename="../../ui/RunChartView.cpp" line="134"/>
        <source>previous run: %1</source>
        <translation>之前的运行：%1</translation>
    </message>
</context>
<context>
    <name>fl::RunDriver</name>
    <message>
        <location filename="../../engine/training/RunDriver.cpp" line="179"/>
        <source>The engine stopped: %1</source>
        <translation>引擎已停止：%1</translation>
    </message>
</context>
<context>
    <name>fl::RunHistoryModel</name>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="65"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="67"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="69"/>
        <source>early stop</source>
        <translation>提前停止</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="71"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="73"/>
        <source>superseded</source>
        <translation>已被取代</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="75"/>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="77"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="79"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="91"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="93"/>
        <location filename="../../ui/RunHistoryModel.cpp" line="95"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="98"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="99"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="135"/>
        <source>train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="137"/>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="139"/>
        <source>floor</source>
        <translation>训练损失下限</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="141"/>
        <source>validation floor</source>
        <translation>验证损失下限</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="143"/>
        <source>RMSE</source>
        <translation>RMSE</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="145"/>
        <source>MAE</source>
        <translation>MAE</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="151"/>
        <source>NDCG</source>
        <translation>NDCG</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="153"/>
        <source>recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="155"/>
        <source>precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="157"/>
        <source>hit rate</source>
        <translation>HitRate</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="159"/>
        <source>MAP</source>
        <translation>MAP</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="161"/>
        <source>cold %1</source>
        <translation>冷启动 %1</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="409"/>
        <source>Starred: asked about before it is deleted</source>
        <translation>已加星标：删除前会先询问</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="409"/>
        <source>Not starred</source>
        <translation>未加星标</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="411"/>
        <source>starred</source>
        <translation>已加星标</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="411"/>
        <source>not starred</source>
        <translation>未加星标</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="453"/>
        <source>Training %1, preparation %2</source>
        <translation>训练 %1，准备 %2</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="483"/>
        <source>%1 cannot be computed for this run</source>
        <translation>此运行无法计算 %1</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="505"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="506"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="507"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="508"/>
        <source>Duration</source>
        <translation>用时</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="513"/>
        <source>Starred runs are asked about before they are deleted</source>
        <translation>删除带星标的运行记录前会先询问</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="515"/>
        <source>Double-click or press F2 to rename</source>
        <translation>双击或按 F2 重命名</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="526"/>
        <source>Parameter %1: it differs between the runs</source>
        <translation>参数 %1：各运行之间取值不同</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="536"/>
        <source>The closed-form optimum of the train loss, where the model has one</source>
        <translation>训练损失的闭式最优解（若模型有闭式解）</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="538"/>
        <source>The validation loss at the closed-form optimum, where the model has one</source>
        <translation>闭式最优解处的验证损失（若模型有闭式解）</translation>
    </message>
    <message>
        <location filename="../../ui/RunHistoryModel.cpp" line="540"/>
        <source>%1 on the test users at the best epoch</source>
        <translation>最佳轮次时在测试用户上的 %1</translation>
    </message>
</context>
<context>
    <name>fl::RunHistoryStore</name>
    <message>
        <location filename="../../engine/training/RunHistoryStore.cpp" line="51"/>
        <source>Cannot create the autosave folder %1.</source>
        <translation>无法创建自动保存文件夹 %1。</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunHistoryStore.cpp" line="56"/>
        <source>Cannot lock %1 for this window&apos;s autosave.</source>
        <translation>无法为此窗口的自动保存锁定 %1。</translation>
    </message>
</context>
<context>
    <name>fl::RunOverlayChart</name>
    <message>
        <location filename="../../ui/RunOverlayChart.cpp" line="208"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../ui/RunOverlayChart.cpp" line="209"/>
        <source>Validation metric</source>
        <translation>验证指标</translation>
    </message>
    <message>
        <location filename="../../ui/RunOverlayChart.cpp" line="213"/>
        <source>Chart mode</source>
        <translation>图表模式</translation>
    </message>
    <message>
        <location filename="../../ui/RunOverlayChart.cpp" line="214"/>
        <source>&amp;Metric:</source>
        <translation>指标(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/RunOverlayChart.cpp" line="217"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/RunOverlayChart.cpp" line="219"/>
        <source>&amp;Log scale</source>
        <translation>对数刻度(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/RunOverlayChart.cpp" line="220"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/RunOverlayChart.cpp" line="221"/>
        <source>Save the chart as PNG or SVG, or its curves as CSV</source>
        <translation>将图表保存为 PNG 或 SVG，或将曲线数据保存为 CSV</translation>
    </message>
    <message>
        <location filename="../../ui/RunOverlayChart.cpp" line="231"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../ui/RunOverlayChart.cpp" line="249"/>
        <source>Curves of the selected runs</source>
        <translation>所选运行的曲线</translation>
    </message>
    <message>
        <location filename="../../ui/RunOverlayChart.cpp" line="399"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../ui/RunOverlayChart.cpp" line="400"/>
        <source>%1, log scale</source>
        <translation>%1（对数刻度）</translation>
    </message>
    <message>
        <location filename="../../ui/RunOverlayChart.cpp" line="418"/>
        <location filename="../../ui/RunOverlayChart.cpp" line="450"/>
        <source>train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../../ui/RunOverlayChart.cpp" line="419"/>
        <location filename="../../ui/RunOverlayChart.cpp" line="451"/>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../../ui/RunOverlayChart.cpp" line="422"/>
        <source>unsmoothed</source>
        <translation>未平滑</translation>
    </message>
    <message>
        <location filename="../../ui/RunOverlayChart.cpp" line="431"/>
        <source>Select runs in the table to compare their curves.</source>
        <translation>在表格中选择运行记录，即可比较它们的曲线。</translation>
    </message>
    <message>
        <location filename="../../ui/RunOverlayChart.cpp" line="433"/>
        <source>None of the shown runs has validation metrics: only ranking models record them at every epoch. Select a ranking run, or show the loss.</source>
        <translation>所显示的运行都没有验证指标：只有排序模型会在每一轮记录这些指标。请选择一个排序模型的运行，或改为显示损失。</translation>
    </message>
    <message>
        <location filename="../../ui/RunOverlayChart.cpp" line="436"/>
        <source>The shown runs have no epochs to draw.</source>
        <translation>所显示的运行没有可绘制的轮次。</translation>
    </message>
    <message>
        <location filename="../../ui/RunOverlayChart.cpp" line="453"/>
        <source>epoch %1 · %2 %3</source>
        <translation>第 %1 轮 · %2 %3</translation>
    </message>
    <message>
        <location filename="../../ui/RunOverlayChart.cpp" line="457"/>
        <source>(smoothed %1)</source>
        <translation>（平滑后 %1）</translation>
    </message>
    <message>
        <location filename="../../ui/RunOverlayChart.cpp" line="783"/>
        <source>Run comparison</source>
        <translation>运行对比</translation>
    </message>
</context>
<context>
    <name>fl::RunRecord</name>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="251"/>
        <source>%1: %2 then, %3 now.</source>
        <translation>%1：当时 %2，现在 %3。</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="253"/>
        <source>%1: the same number (%2), but different content.</source>
        <translation>%1：数量相同（%2），但内容不同。</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="255"/>
        <source>Interactions</source>
        <translation>交互</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="257"/>
        <source>Users: %1 then, %2 now.</source>
        <translation>用户：当时 %1，现在 %2。</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="258"/>
        <source>Items</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="261"/>
        <source>Modality &apos;%1&apos; is no longer in the dataset.</source>
        <translation>模态 &apos;%1&apos; 已不在数据集中。</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="263"/>
        <source>Modality &apos;%1&apos; changed.</source>
        <translation>模态 &apos;%1&apos; 已更改。</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="267"/>
        <source>Modality &apos;%1&apos; is new.</source>
        <translation>模态 &apos;%1&apos; 是新增的。</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="270"/>
        <source>The content differs.</source>
        <translation>内容不同。</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="368"/>
        <source>a number from %1 to %2</source>
        <translation>%1 到 %2 之间的数</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="379"/>
        <source>a whole number from %1 to %2</source>
        <translation>%1 到 %2 之间的整数</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="388"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="399"/>
        <source>a seed (a whole number ≥ 0)</source>
        <translation>随机种子（≥ 0 的整数）</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="414"/>
        <source>&apos;%1.%2&apos; should be %3, not %4.</source>
        <translation>&apos;%1.%2&apos; 应为 %3，而不是 %4。</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="436"/>
        <source>sum, product or concat</source>
        <translation>sum、product 或 concat</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="438"/>
        <source>mean, indicator or leave-out</source>
        <translation>mean、indicator 或 leave-out</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="444"/>
        <source>&apos;config.pipeline.modalities&apos; lists %1 modalities; at most 1000 are read.</source>
        <translation>&apos;config.pipeline.modalities&apos; 列出了 %1 个模态；最多只读取 1000 个。</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="450"/>
        <source>a modality name</source>
        <translation>模态名称</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="467"/>
        <source>grid-mean, histogram or both</source>
        <translation>grid-mean、histogram 或 both</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="475"/>
        <source>gd, sgd, momentum or adam</source>
        <translation>gd、sgd、momentum 或 adam</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="488"/>
        <source>linear or one of %1</source>
        <translation>linear 或 %1 之一</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="497"/>
        <source>squared or bpr</source>
        <translation>squared 或 bpr</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="512"/>
        <location filename="../../engine/training/RunRecord.cpp" line="518"/>
        <source>a list of cut-offs from 1 to 10000</source>
        <translation>由 1 到 10000 之间的截断值组成的列表</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="539"/>
        <source>a list of layer widths from 1 to 4096</source>
        <translation>由 1 到 4096 的层宽组成的列表</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="576"/>
        <source>linear recommender with biases</source>
        <translation>带偏置的线性推荐模型</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="576"/>
        <source>linear recommender</source>
        <translation>线性推荐模型</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="580"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="582"/>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="582"/>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="584"/>
        <source>%1, learned</source>
        <translation>%1，学习得到</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="596"/>
        <source>full</source>
        <translation>全量</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="621"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="664"/>
        <source>%1 text width</source>
        <translation>%1 文本宽度</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="665"/>
        <source>%1 image features</source>
        <translation>%1 图像特征</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="668"/>
        <source>dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="669"/>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="670"/>
        <source>fusion</source>
        <translation>融合</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="671"/>
        <source>missing values</source>
        <translation>缺失值</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="672"/>
        <source>common width</source>
        <translation>公共宽度</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="673"/>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="674"/>
        <source>η</source>
        <translation>η</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="675"/>
        <source>batch</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="676"/>
        <source>λ (L2)</source>
        <translation>λ（L2 正则）</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="677"/>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="678"/>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="679"/>
        <source>validation share</source>
        <translation>验证比例</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="680"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="681"/>
        <source>factors</source>
        <translation>因子数</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="682"/>
        <source>hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="683"/>
        <source>dropout</source>
        <translation>dropout</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="684"/>
        <source>ε (SVR tube)</source>
        <translation>ε（SVR 间隔带）</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="685"/>
        <source>unrated samples</source>
        <translation>未评分采样数</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="686"/>
        <source>split</source>
        <translation>划分</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="687"/>
        <source>test share</source>
        <translation>测试比例</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="688"/>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="689"/>
        <source>relevance threshold</source>
        <translation>相关性阈值</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="690"/>
        <source>patience</source>
        <translation>早停耐心</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="855"/>
        <source>A run has no &apos;id&apos;.</source>
        <translation>某个运行没有 &apos;id&apos;。</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="861"/>
        <source>Run %1: %2</source>
        <translation>运行 %1：%2</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="889"/>
        <source>Run %1: its curves have different lengths.</source>
        <translation>运行 %1：其各条曲线长度不一致。</translation>
    </message>
    <message>
        <location filename="../../engine/training/RunRecord.cpp" line="914"/>
        <source>Run %1: the curve of %2 has %3 points for %4 epochs.</source>
        <translation>运行 %1：%2 的曲线有 %3 个点，但共有 %4 轮。</translation>
    </message>
</context>
<context>
    <name>fl::RunTrainer</name>
    <message>
        <location filename="../../engine/training/PrepareRun.cpp" line="20"/>
        <source>Fusion weights are learned with the model, starting from the chosen ones and keeping their sum (αₖ = s·softmax(θ)ₖ).</source>
        <translation>融合权重与模型一起学习，从所选权重出发并保持其和不变（αₖ = s·softmax(θ)ₖ）。</translation>
    </message>
    <message>
        <location filename="../../engine/training/PrepareRun.cpp" line="58"/>
        <source>The validation part is empty: there are no validation metrics or validation loss, so early stopping is off and the last epoch is reported.</source>
        <translation>验证部分为空：没有验证指标和验证损失，因此早停关闭，报告最后一轮的结果。</translation>
    </message>
    <message>
        <location filename="../../engine/training/PrepareRun.cpp" line="61"/>
        <source>The test part is empty: the test metrics cannot be computed and are not reported.</source>
        <translation>测试部分为空：无法计算测试指标，不予报告。</translation>
    </message>
    <message>
        <location filename="../../engine/training/PrepareRun.cpp" line="68"/>
        <source>No held-out item has a test interaction: the cold_ metrics cannot be computed and are not reported.</source>
        <translation>没有任何留出的冷启动物品有测试交互：无法计算 cold_ 指标，不予报告。</translation>
    </message>
    <message>
        <location filename="../../engine/training/PrepareRun.cpp" line="73"/>
        <source>RMSE and MAE are not reported: trained with BPR, %1 learns an order of items, not ratings.</source>
        <translation>不报告 RMSE 和 MAE：%1 以 BPR 训练，学到的是物品的排序，而不是评分。</translation>
    </message>
    <message>
        <location filename="../../engine/training/PrepareRun.cpp" line="75"/>
        <source>RMSE and MAE are not reported: %1 ranks items and does not predict ratings.</source>
        <translation>不报告 RMSE 和 MAE：%1 只对物品排序，不预测评分。</translation>
    </message>
    <message>
        <location filename="../../engine/training/PrepareRun.cpp" line="87"/>
        <source>The split leaves no training interactions.</source>
        <translation>该划分没有留下任何训练交互。</translation>
    </message>
    <message>
        <location filename="../../engine/training/PrepareRun.cpp" line="120"/>
        <source>Leaving out %1 items missing a fused modality: %2 of their interactions are not trained on or evaluated (they stay in the catalogue that is ranked).</source>
        <translation>剔除 %1 个缺少参与融合模态的物品：它们的 %2 条交互不参与训练和评估（这些物品仍在参与排序的物品目录中）。</translation>
    </message>
    <message>
        <location filename="../../engine/training/PrepareRun.cpp" line="124"/>
        <source>Leaving out items with missing data leaves no training interactions. Choose mean imputation or a missing indicator instead.</source>
        <translation>剔除含缺失数据的物品后没有训练交互了。请改用均值填补或缺失指示列。</translation>
    </message>
    <message>
        <location filename="../../engine/training/PrepareRun.cpp" line="132"/>
        <source>Fusion weights can be learned by the linear regression, the hybrid and the content model, not by %1.</source>
        <translation>融合权重可由线性回归、混合模型和内容模型学习，%1 不行。</translation>
    </message>
    <message>
        <location filename="../../engine/training/PrepareRun.cpp" line="209"/>
        <source>The validation part is empty: RMSE, MAE and the validation loss cannot be computed and are not reported.</source>
        <translation>验证部分为空：无法计算 RMSE、MAE 和验证损失，不予报告。</translation>
    </message>
    <message>
        <location filename="../../engine/training/PrepareRun.cpp" line="213"/>
        <source>The closed-form floor is that of the starting weights: learning them can go below it.</source>
        <translation>闭式解下界对应起始权重：学习权重后损失可以低于它。</translation>
    </message>
</context>
<context>
    <name>fl::RunValues</name>
    <message>
        <location filename="../../ui/RunValues.cpp" line="45"/>
        <source>cold %1</source>
        <translation>冷启动 %1</translation>
    </message>
</context>
<context>
    <name>fl::RunsPage</name>
    <message>
        <location filename="../../ui/RunsPage.cpp" line="75"/>
        <source>No runs yet.

Every training run appears here as it finishes, with its parameters, curves and results, so that you can compare runs, star the good ones and train again with their parameters.</source>
        <translation>还没有运行记录。

每次训练运行结束后都会出现在这里，并附带其参数、曲线和结果，方便你比较各次运行、给好的运行加星标，并用它们的参数再次训练。</translation>
    </message>
    <message>
        <location filename="../../ui/RunsPage.cpp" line="92"/>
        <source>&amp;Rename</source>
        <translation>重命名(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/RunsPage.cpp" line="94"/>
        <source>Rename the current run (F2)</source>
        <translation>重命名当前运行（F2）</translation>
    </message>
    <message>
        <location filename="../../ui/RunsPage.cpp" line="95"/>
        <source>&amp;Star</source>
        <translation>星标(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/RunsPage.cpp" line="97"/>
        <source>Star or unstar the selected runs (S); starred runs are asked about before deleting</source>
        <translation>为选中的运行加上或取消星标（S）；删除带星标的运行前会先询问</translation>
    </message>
    <message>
        <location filename="../../ui/RunsPage.cpp" line="98"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/RunsPage.cpp" line="100"/>
        <source>Delete the selected runs (Delete)</source>
        <translation>删除选中的运行（Delete）</translation>
    </message>
    <message>
        <location filename="../../ui/RunsPage.cpp" line="101"/>
        <source>&amp;Use these parameters</source>
        <translation>使用这些参数(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/RunsPage.cpp" line="103"/>
        <source>Set the model, fusion and training controls to the current run&apos;s parameters (Ctrl+Enter)</source>
        <translation>把模型、融合和训练控件设为当前运行的参数（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/RunsPage.cpp" line="110"/>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/RunsPage.cpp" line="112"/>
        <source>any text in any column, e.g. hybrid, diverged, image</source>
        <translation>任意列中的任意文本，例如 hybrid、发散、image</translation>
    </message>
    <message>
        <location filename="../../ui/RunsPage.cpp" line="115"/>
        <source>Filter runs</source>
        <translation>筛选运行记录</translation>
    </message>
    <message>
        <location filename="../../ui/RunsPage.cpp" line="142"/>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <location filename="../../ui/RunsPage.cpp" line="156"/>
        <source>S&amp;moothing:</source>
        <translation>平滑(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/RunsPage.cpp" line="164"/>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <location filename="../../ui/RunsPage.cpp" line="165"/>
        <source>Exponential moving average of the curves (debiased, as in TensorBoard); the raw curves stay faint behind. 0 shows the raw curves only.</source>
        <translation>曲线的指数移动平均（与 TensorBoard 一样做了去偏）；原始曲线以淡色留在后面。设为 0 时只显示原始曲线。</translation>
    </message>
    <message>
        <location filename="../../ui/RunsPage.cpp" line="193"/>
        <source>Delete starred runs?</source>
        <translation>删除带星标的运行？</translation>
    </message>
    <message>
        <location filename="../../ui/RunsPage.cpp" line="194"/>
        <source>The run “%1” is starred. Delete it anyway?</source>
        <translation>运行“%1”带有星标。仍要删除吗？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/RunsPage.cpp" line="195"/>
        <source>%n starred run(s) are among those selected. Delete them anyway?</source>
        <translation>
            <numerusform>选中的运行中有 %n 个带有星标。仍要删除吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/RunsPage.cpp" line="392"/>
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n 个运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/RunsPage.cpp" line="393"/>
        <source>%1 of %n run(s)</source>
        <translation>
            <numerusform>%1 / %n 个运行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/RunsPage.cpp" line="480"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/RunsPage.cpp" line="481"/>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../ui/RunsPage.cpp" line="482"/>
        <source>CSV table of the curves (*.csv)</source>
        <translation>曲线数据 CSV 表 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/RunsPage.cpp" line="483"/>
        <source>Export run comparison</source>
        <translation>导出运行对比</translation>
    </message>
    <message>
        <location filename="../../ui/RunsPage.cpp" line="497"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>fl::SaveFile</name>
    <message>
        <location filename="../../engine/core/SaveFile.cpp" line="23"/>
        <source>Cannot write %1: it is not a regular file (a folder, a device or a pipe).</source>
        <translation>无法写入 %1：它不是普通文件（而是文件夹、设备或管道）。</translation>
    </message>
    <message>
        <location filename="../../engine/core/SaveFile.cpp" line="35"/>
        <source>Cannot write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
</context>
<context>
    <name>fl::StartPage</name>
    <message>
        <location filename="../../ui/StartPage.cpp" line="16"/>
        <source>Welcome to FusionLab</source>
        <translation>欢迎使用 FusionLab</translation>
    </message>
    <message>
        <location filename="../../ui/StartPage.cpp" line="21"/>
        <source>Start with a lesson</source>
        <translation>从一节课开始</translation>
    </message>
    <message>
        <location filename="../../ui/StartPage.cpp" line="23"/>
        <source>Each lesson loads its data and parameters and guides you step by step. Help ▸ Lessons opens them again later.</source>
        <translation>每节课都会加载自己的数据和参数，并一步步引导你。以后可以通过“帮助 ▸ 课程”再次打开。</translation>
    </message>
    <message>
        <location filename="../../ui/StartPage.cpp" line="46"/>
        <source>Just explore</source>
        <translation>自由探索</translation>
    </message>
</context>
<context>
    <name>fl::StepExplanation</name>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="108"/>
        <source>Press Step (→) to run one epoch and read here what it did; Step back (←) undoes it exactly.</source>
        <translation>按“单步”（→）运行一轮，并在这里查看它做了什么；“后退一步”（←）可以精确撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="114"/>
        <source>to epoch %1</source>
        <translation>回到第 %1 轮</translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="114"/>
        <source>to the start (W = 0)</source>
        <translation>回到起点（W = 0）</translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="115"/>
        <source>Stepped back from epoch %1 %2: W, b and the optimizer&apos;s state are exactly as they were then; training loss %3 → %4.</source>
        <translation>已从第 %1 轮后退，%2：W、b 和优化器状态与当时完全相同；训练损失 %3 → %4。</translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="120"/>
        <source>Steps left to undo: %1.</source>
        <translation>还可撤销的步数：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="122"/>
        <source>This is where the run began.</source>
        <translation>这里就是本次运行的起点。</translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="124"/>
        <source>Nothing older is kept: Step back stops here.</source>
        <translation>没有保留更早的状态：“后退一步”到此为止。</translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="128"/>
        <source>Epoch %1:</source>
        <translation>第 %1 轮：</translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="131"/>
        <source>the training loss went from %1 to %2.</source>
        <translation>训练损失从 %1 变为 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="133"/>
        <source>the training loss is %1.</source>
        <translation>训练损失为 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="135"/>
        <source>the training loss stayed at %1 (any change is below rounding: it is at its floor).</source>
        <translation>训练损失保持在 %1（变化小于舍入误差：已到达下限）。</translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="137"/>
        <source>the training loss rose from %1 to %2 (+%3).</source>
        <translation>训练损失从 %1 上升到 %2（+%3）。</translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="140"/>
        <source>the training loss fell from %1 to %2 (−%3).</source>
        <translation>训练损失从 %1 下降到 %2（−%3）。</translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="146"/>
        <source>A ranking model&apos;s loss is the mean over its mini-batches (η = %1); its gradient is not tracked per epoch.</source>
        <translation>排序模型的损失是各个小批量损失的平均值（η = %1）；它的梯度不按轮记录。</translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="149"/>
        <source>One epoch up is not divergence: sampled mini-batches are noisy. Watch the trend and the validation metric.</source>
        <translation>单独一轮上升并不等于发散：随机抽取的小批量本身有噪声。请关注整体趋势和验证指标。</translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="163"/>
        <source>‖∇L‖ = %1, so the step W ← W − η∇L was η‖∇L‖ = %2 × %1 = %3 long.</source>
        <translation>‖∇L‖ = %1，因此这一步 W ← W − η∇L 的长度为 η‖∇L‖ = %2 × %1 = %3。</translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="168"/>
        <source>SGD with momentum</source>
        <translation>带动量的 SGD</translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="169"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="170"/>
        <source>mini-batch SGD</source>
        <translation>小批量随机梯度下降</translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="172"/>
        <source>%1 stepped once per mini-batch of %2 ratings, %3 times (η = %4); </source>
        <translation>%1 在每批 %2 条评分的小批量上各走一步，共 %3 步（η = %4）； </translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="174"/>
        <source>the full-batch ‖∇L‖ was %1 where the epoch began, and W moved ‖ΔW‖ = %2 in all.</source>
        <translation>本轮开始时全批量 ‖∇L‖ 为 %1，W 总共移动了 ‖ΔW‖ = %2。</translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="182"/>
        <source>It rose because η·λ_max = %1 &gt; 2: the step overshoots the minimum along the steepest direction, further each time. Gradient descent converges for η &lt; 2/λ_max = %2.</source>
        <translation>损失上升是因为 η·λ_max = %1 &gt; 2：沿最陡方向，每一步都越过最小值，而且越冲越远。梯度下降在 η &lt; 2/λ_max = %2 时收敛。</translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="186"/>
        <source>It rose because the L2 penalty pulls W towards 0: the objective L + λ/2·‖W‖² that gradient descent minimises fell, from %1 to %2.</source>
        <translation>损失上升是因为 L2 正则把 W 拉向 0：梯度下降真正最小化的目标 L + λ/2·‖W‖² 下降了，从 %1 降到 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="191"/>
        <source>It rose because each update follows the gradient of one mini-batch only, a noisy estimate: single epochs may go up while the trend goes down.</source>
        <translation>损失上升是因为每次更新只沿一个小批量的梯度前进，而这是带噪声的估计：即使整体趋势在下降，个别轮次也可能上升。</translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="193"/>
        <source>It rose because each update follows a noisy mini-batch gradient and carries earlier steps on (momentum, Adam&apos;s moments): single epochs may go up while the trend goes down.</source>
        <translation>损失上升是因为每次更新沿带噪声的小批量梯度前进，并延续之前的步伐（动量、Adam 的矩估计）：即使整体趋势在下降，个别轮次也可能上升。</translation>
    </message>
    <message>
        <location filename="../../ui/StepExplanation.cpp" line="197"/>
        <source>Careful: η·λ_max = %1 &gt; 2, so along the steepest direction every step overshoots further; once that direction dominates, the loss will rise. Converging needs η &lt; 2/λ_max = %2.</source>
        <translation>注意：η·λ_max = %1 &gt; 2，因此沿最陡方向每一步都会越冲越远；一旦这个方向占主导，损失就会上升。要收敛需要 η &lt; 2/λ_max = %2。</translation>
    </message>
</context>
<context>
    <name>fl::SvrRecommender</name>
    <message>
        <location filename="../../engine/models/SvrRecommender.cpp" line="38"/>
        <source>The SVR tube half-width ε must be a number ≥ 0 (it is %1).</source>
        <translation>SVR 间隔带半宽 ε 必须是 ≥ 0 的数（当前为 %1）。</translation>
    </message>
    <message>
        <location filename="../../engine/models/SvrRecommender.cpp" line="40"/>
        <source>The number of unrated items sampled per rating must be from 0 to %1 (it is %2).</source>
        <translation>每条评分采样的未评分物品数必须在 0 到 %1 之间（当前为 %2）。</translation>
    </message>
    <message>
        <location filename="../../engine/models/SvrRecommender.cpp" line="148"/>
        <source>Linear support vector regression on fused content with user weights and user and item biases (ε = %1)</source>
        <translation>基于融合内容、带用户权重及用户与物品偏置的线性支持向量回归（ε = %1）</translation>
    </message>
    <message>
        <location filename="../../engine/models/SvrRecommender.cpp" line="151"/>
        <source>Linear support vector regression on fused content with user weights (ε = %1)</source>
        <translation>基于融合内容、带用户权重的线性支持向量回归（ε = %1）</translation>
    </message>
    <message>
        <location filename="../../engine/models/SvrRecommender.cpp" line="154"/>
        <source>Linear support vector regression on fused content with user and item biases (ε = %1)</source>
        <translation>基于融合内容、带用户与物品偏置的线性支持向量回归（ε = %1）</translation>
    </message>
    <message>
        <location filename="../../engine/models/SvrRecommender.cpp" line="155"/>
        <source>Linear support vector regression on fused content (ε = %1)</source>
        <translation>基于融合内容的线性支持向量回归（ε = %1）</translation>
    </message>
</context>
<context>
    <name>fl::TestMetricsReadout</name>
    <message>
        <location filename="../../ui/TestMetricsReadout.cpp" line="49"/>
        <source>Test at epoch %1</source>
        <translation>测试（第 %1 轮）</translation>
    </message>
    <message>
        <location filename="../../ui/TestMetricsReadout.cpp" line="50"/>
        <source>Test with the final parameters</source>
        <translation>测试（最终参数）</translation>
    </message>
    <message>
        <location filename="../../ui/TestMetricsReadout.cpp" line="62"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/TestMetricsReadout.cpp" line="65"/>
        <location filename="../../ui/TestMetricsReadout.cpp" line="121"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/TestMetricsReadout.cpp" line="67"/>
        <source>Cold-start items: %1</source>
        <translation>冷启动物品：%1</translation>
    </message>
    <message>
        <location filename="../../ui/TestMetricsReadout.cpp" line="96"/>
        <source>Cold-start items</source>
        <translation>冷启动物品</translation>
    </message>
    <message>
        <location filename="../../ui/TestMetricsReadout.cpp" line="107"/>
        <source>%1: %2 %3</source>
        <translation>%1：%2 %3</translation>
    </message>
    <message>
        <location filename="../../ui/TestMetricsReadout.cpp" line="109"/>
        <source> · cold %1</source>
        <translation> · 冷启动 %1</translation>
    </message>
    <message>
        <location filename="../../ui/TestMetricsReadout.cpp" line="119"/>
        <source>Test metrics of run %1:</source>
        <translation>运行 %1 的测试指标：</translation>
    </message>
</context>
<context>
    <name>fl::TextEmbedder</name>
    <message>
        <location filename="../../engine/embedding/TextEmbedder.cpp" line="32"/>
        <source>Text modality &apos;%1&apos;: %2</source>
        <translation>文本模态 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/TextEmbedder.cpp" line="34"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/TextEmbedder.cpp" line="43"/>
        <source>the missing mask has %1 entries for %2 documents.</source>
        <translation>缺失掩码有 %1 项，而文档有 %2 篇。</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/TextEmbedder.cpp" line="45"/>
        <source>the width must be at least 1 (got %1).</source>
        <translation>宽度必须至少为 1（实际为 %1）。</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/TextEmbedder.cpp" line="47"/>
        <source>there are no documents.</source>
        <translation>没有任何文档。</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/TextEmbedder.cpp" line="55"/>
        <source>none of the %1 items has any text.</source>
        <translation>%1 个物品都没有任何文本。</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/TextEmbedder.cpp" line="123"/>
        <source>min df %1</source>
        <translation>最小 df %1</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/TextEmbedder.cpp" line="125"/>
        <source>, max df %1%</source>
        <translation>，最大 df %1%</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/TextEmbedder.cpp" line="127"/>
        <source>, sublinear tf</source>
        <translation>，次线性 tf</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/TextEmbedder.cpp" line="128"/>
        <source>TF-IDF over %L1 terms (%2), LSA to %3 dimensions (%4% of the variance)</source>
        <translation>基于 %L1 个词项的 TF-IDF（%2），经 LSA 降到 %3 维（保留 %4% 的方差）</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/TextEmbedder.cpp" line="136"/>
        <source>Width reduced from %1 to %2: the TF-IDF matrix has rank %2, further LSA dimensions would carry no information.</source>
        <translation>宽度从 %1 减少到 %2：TF-IDF 矩阵的秩为 %2，更多的 LSA 维度不会携带任何信息。</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/TextEmbedder.cpp" line="141"/>
        <source>Width reduced from %1 to %2: %L3 terms over %L4 documents with text support at most %2 LSA dimensions.</source>
        <translation>宽度从 %1 减少到 %2：%L4 篇有文本的文档上的 %L3 个词项最多支持 %2 个 LSA 维度。</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/TextEmbedder.cpp" line="150"/>
        <source>%L1 of %L2 items have no text; they get the mean text vector.</source>
        <translation>%L2 个物品中有 %L1 个没有文本；它们使用平均文本向量。</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/TextEmbedder.cpp" line="152"/>
        <source>Items with text but no word of the vocabulary (only stop words, punctuation or rare words): %L1; they get the mean text vector.</source>
        <translation>有文本但不含词表中任何词的物品（只有停用词、标点或罕见词）：%L1 个；它们使用平均文本向量。</translation>
    </message>
</context>
<context>
    <name>fl::TfidfEmbedder</name>
    <message>
        <location filename="../../engine/embedding/TfidfEmbedder.cpp" line="24"/>
        <source>TF-IDF: the minimum document frequency must be at least 1 (got %1).</source>
        <translation>TF-IDF：最小文档频率必须至少为 1（实际为 %1）。</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/TfidfEmbedder.cpp" line="27"/>
        <source>TF-IDF: the maximum document fraction must be in (0, 1] (got %1).</source>
        <translation>TF-IDF：最大文档比例必须在 (0, 1] 范围内（实际为 %1）。</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/TfidfEmbedder.cpp" line="30"/>
        <source>TF-IDF: the vocabulary must allow at least one term (got %1).</source>
        <translation>TF-IDF：词表必须至少允许一个词项（实际为 %1）。</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/TfidfEmbedder.cpp" line="72"/>
        <source>TF-IDF: the vocabulary is empty: none of the %1 documents contains a word (after removing punctuation and stop words).</source>
        <translation>TF-IDF：词表为空：%1 篇文档中没有一篇包含词语（去除标点和停用词之后）。</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/TfidfEmbedder.cpp" line="74"/>
        <source>TF-IDF: the vocabulary is empty: none of the %1 distinct words occurs in at least %2 documents and at most %3% of them. Lower the minimum document frequency or raise the maximum fraction.</source>
        <translation>TF-IDF：词表为空：%1 个不同的词中，没有一个出现在至少 %2 篇文档中且至多 %3% 的文档中。请降低最小文档频率或提高最大比例。</translation>
    </message>
</context>
<context>
    <name>fl::TrainingPanel</name>
    <message>
        <location filename="../../ui/TrainingPanel.cpp" line="42"/>
        <source>Learning rate η on a logarithmic scale from 0.00001 to 10. A change continues the current run from the next epoch and is marked on the chart.</source>
        <translation>学习率 η，对数刻度，范围 0.00001 到 10。修改后当前运行从下一轮起按新值继续，并在图表上标出。</translation>
    </message>
    <message>
        <location filename="../../ui/TrainingPanel.cpp" line="48"/>
        <source>Exact learning rate η.</source>
        <translation>精确的学习率 η。</translation>
    </message>
    <message>
        <location filename="../../ui/TrainingPanel.cpp" line="53"/>
        <source>Learning rate η:</source>
        <translation>学习率 η：</translation>
    </message>
    <message>
        <location filename="../../ui/TrainingPanel.cpp" line="60"/>
        <source>Full-batch gradient descent</source>
        <translation>全批量梯度下降</translation>
    </message>
    <message>
        <location filename="../../ui/TrainingPanel.cpp" line="61"/>
        <source>Mini-batch SGD</source>
        <translation>小批量随机梯度下降</translation>
    </message>
    <message>
        <location filename="../../ui/TrainingPanel.cpp" line="62"/>
        <source>SGD with momentum</source>
        <translation>带动量的 SGD</translation>
    </message>
    <message>
        <location filename="../../ui/TrainingPanel.cpp" line="63"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location filename="../../ui/TrainingPanel.cpp" line="64"/>
        <source>Gradient descent uses every training rating per step (the seed&apos;s W ← W − η∇L); SGD steps once per shuffled mini-batch; momentum keeps 0.9 of the previous step; Adam scales each coordinate&apos;s step by its gradient history.</source>
        <translation>梯度下降每一步都使用全部训练评分（即种子中的 W ← W − η∇L）；SGD 在打乱顺序后的每个小批量上各走一步；动量法保留上一步的 0.9；Adam 按每个坐标的梯度历史缩放该坐标的步长。</translation>
    </message>
    <message>
        <location filename="../../ui/TrainingPanel.cpp" line="67"/>
        <source>Optimizer:</source>
        <translation>优化器：</translation>
    </message>
    <message>
        <location filename="../../ui/TrainingPanel.cpp" line="71"/>
        <source>Ratings per mini-batch (SGD only).</source>
        <translation>每个小批量包含的评分数（仅用于 SGD）。</translation>
    </message>
    <message>
        <location filename="../../ui/TrainingPanel.cpp" line="72"/>
        <source>Batch size:</source>
        <translation>批量大小：</translation>
    </message>
    <message>
        <location filename="../../ui/TrainingPanel.cpp" line="78"/>
        <source>L2 penalty λ/2·‖W‖² on the weights (not the bias).</source>
        <translation>施加在权重上（不含偏置）的 L2 正则 λ/2·‖W‖²。</translation>
    </message>
    <message>
        <location filename="../../ui/TrainingPanel.cpp" line="79"/>
        <source>L2 λ:</source>
        <translation>L2 λ：</translation>
    </message>
    <message>
        <location filename="../../ui/TrainingPanel.cpp" line="83"/>
        <source>Epochs per run. Train after the end continues for as many again.</source>
        <translation>每次运行的轮数。运行结束后再按“训练”，会再继续训练同样多的轮数。</translation>
    </message>
    <message>
        <location filename="../../ui/TrainingPanel.cpp" line="84"/>
        <source>Epochs:</source>
        <translation>轮数：</translation>
    </message>
    <message>
        <location filename="../../ui/TrainingPanel.cpp" line="88"/>
        <source>Seed of the train/validation split and of SGD&apos;s shuffling.</source>
        <translation>训练/验证划分以及 SGD 打乱顺序所用的随机种子。</translation>
    </message>
    <message>
        <location filename="../../ui/TrainingPanel.cpp" line="89"/>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <location filename="../../ui/TrainingPanel.cpp" line="95"/>
        <source>1 epoch per second</source>
        <translation>每秒 1 轮</translation>
    </message>
    <message>
        <location filename="../../ui/TrainingPanel.cpp" line="96"/>
        <source>%1 epochs per second</source>
        <translation>每秒 %1 轮</translation>
    </message>
    <message>
        <location filename="../../ui/TrainingPanel.cpp" line="97"/>
        <source>Full speed</source>
        <translation>全速</translation>
    </message>
    <message>
        <location filename="../../ui/TrainingPanel.cpp" line="101"/>
        <source>How fast Train runs the epochs: slow enough for a class to watch the curve form and read each step, or as fast as the machine goes. Step (→) is always one epoch at once.</source>
        <translation>“训练”运行各轮的速度：可以慢到让全班看清曲线如何形成并读懂每一步，也可以让机器全速运行。“单步”（→）始终一次只运行一轮。</translation>
    </message>
    <message>
        <location filename="../../ui/TrainingPanel.cpp" line="103"/>
        <source>Speed:</source>
        <translation>速度：</translation>
    </message>
</context>
<context>
    <name>fl::TrainingSession</name>
    <message>
        <location filename="../../engine/training/TrainingSession.cpp" line="321"/>
        <source>No dataset is loaded.</source>
        <translation>尚未加载数据集。</translation>
    </message>
    <message>
        <location filename="../../engine/training/TrainingSession.cpp" line="353"/>
        <source>The engine could not prepare this run: %1</source>
        <translation>引擎无法准备此次运行：%1</translation>
    </message>
    <message>
        <location filename="../../engine/training/TrainingSession.cpp" line="462"/>
        <source>The engine stopped: %1</source>
        <translation>引擎已停止：%1</translation>
    </message>
</context>
<context>
    <name>fl::TruncatedSvd</name>
    <message>
        <location filename="../../engine/embedding/TruncatedSvd.cpp" line="51"/>
        <source>Truncated SVD: the matrix is empty (%1 × %2).</source>
        <translation>截断 SVD：矩阵为空（%1 × %2）。</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/TruncatedSvd.cpp" line="53"/>
        <source>Truncated SVD: the number of components must be at least 1 (got %1).</source>
        <translation>截断 SVD：成分数必须至少为 1（实际为 %1）。</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/TruncatedSvd.cpp" line="55"/>
        <source>Truncated SVD: power iterations and oversampling must not be negative (got %1 and %2).</source>
        <translation>截断 SVD：幂迭代次数和过采样数不能为负（实际为 %1 和 %2）。</translation>
    </message>
    <message>
        <location filename="../../engine/embedding/TruncatedSvd.cpp" line="68"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>fl::WeightsChart</name>
    <message>
        <location filename="../../ui/WeightsChart.cpp" line="44"/>
        <source>Weights and gradient</source>
        <translation>权重与梯度</translation>
    </message>
    <message>
        <location filename="../../ui/WeightsChart.cpp" line="46"/>
        <source>The weights appear when a run of the linear regression is ready.</source>
        <translation>线性回归的运行准备就绪后会显示权重。</translation>
    </message>
    <message>
        <location filename="../../ui/WeightsChart.cpp" line="151"/>
        <source>the bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <location filename="../../ui/WeightsChart.cpp" line="155"/>
        <source>%1, column %2</source>
        <translation>%1，第 %2 列</translation>
    </message>
    <message>
        <location filename="../../ui/WeightsChart.cpp" line="159"/>
        <source>%1 = %2
∂L/∂%1 = %3
a gradient descent step moves it by −η·∂L/∂%1 = %4</source>
        <translation>%1 = %2
∂L/∂%1 = %3
一步梯度下降使它移动 −η·∂L/∂%1 = %4</translation>
    </message>
    <message>
        <location filename="../../ui/WeightsChart.cpp" line="226"/>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../ui/WeightsChart.cpp" line="227"/>
        <source>gradient ∂L/∂w</source>
        <translation>梯度 ∂L/∂w</translation>
    </message>
    <message>
        <location filename="../../ui/WeightsChart.cpp" line="228"/>
        <source>epoch %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <location filename="../../ui/WeightsChart.cpp" line="285"/>
        <source>columns of F (1–%1)</source>
        <translation>F 的列（1–%1）</translation>
    </message>
</context>
<context>
    <name>fl::Workbench</name>
    <message>
        <location filename="../../ui/Workbench.cpp" line="62"/>
        <source>The run&apos;s parameters are in the docks; a new run starts from them.</source>
        <translation>该运行的参数已载入各面板；新的运行将从这些参数开始。</translation>
    </message>
    <message>
        <location filename="../../ui/Workbench.cpp" line="80"/>
        <source>&amp;Save Experiment</source>
        <translation>保存实验(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/Workbench.cpp" line="82"/>
        <source>Save the parameters and every run, with their curves and results, as an experiment file</source>
        <translation>将参数和所有运行（连同其曲线和结果）保存为实验文件</translation>
    </message>
    <message>
        <location filename="../../ui/Workbench.cpp" line="89"/>
        <location filename="../../ui/Workbench.cpp" line="287"/>
        <source>Could not save the experiment</source>
        <translation>无法保存实验</translation>
    </message>
    <message>
        <location filename="../../ui/Workbench.cpp" line="91"/>
        <source>Save Experiment &amp;As…</source>
        <translation>实验另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/Workbench.cpp" line="94"/>
        <source>Open E&amp;xperiment…</source>
        <translation>打开实验(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/Workbench.cpp" line="97"/>
        <source>Export &amp;Report…</source>
        <translation>导出报告(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/Workbench.cpp" line="99"/>
        <source>The selected runs, the landscape and the ablation as an HTML page and a PDF</source>
        <translation>将选中的运行、权重地形图和消融结果导出为 HTML 页面和 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/Workbench.cpp" line="101"/>
        <source>Recent E&amp;xperiments</source>
        <translation>最近的实验(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../ui/Workbench.cpp" line="113"/>
        <location filename="../../ui/Workbench.cpp" line="297"/>
        <source>Could not open the experiment</source>
        <translation>无法打开实验</translation>
    </message>
    <message>
        <location filename="../../ui/Workbench.cpp" line="172"/>
        <source>Saved %1 runs to %2</source>
        <translation>已将 %1 个运行保存到 %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/Workbench.cpp" line="205"/>
        <source>Opened an experiment with %n run(s)</source>
        <translation>
            <numerusform>已打开包含 %n 个运行的实验</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/Workbench.cpp" line="218"/>
        <source>Modalities: %1</source>
        <translation>模态：%1</translation>
    </message>
    <message>
        <location filename="../../ui/Workbench.cpp" line="228"/>
        <source>%1 over %2 × %3 weights of %4 and %5</source>
        <translation>%4 与 %5 的 %2 × %3 权重网格上的 %1</translation>
    </message>
    <message>
        <location filename="../../ui/Workbench.cpp" line="252"/>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/Workbench.cpp" line="260"/>
        <source>Restore the previous session?</source>
        <translation>恢复上一次会话？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/Workbench.cpp" line="261"/>
        <source>FusionLab did not close properly on %1. Its %n run(s) were saved; restore them into the Runs page?</source>
        <translation>
            <numerusform>FusionLab 在 %1 未正常关闭。其 %n 个运行已保存；要将它们恢复到“运行记录”页吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/Workbench.cpp" line="273"/>
        <source>Restored %n run(s) from the previous session</source>
        <translation>
            <numerusform>已从上一次会话恢复 %n 个运行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/Workbench.cpp" line="281"/>
        <source>Save Experiment</source>
        <translation>保存实验</translation>
    </message>
    <message>
        <location filename="../../ui/Workbench.cpp" line="283"/>
        <source>FusionLab experiment (*.json)</source>
        <translation>FusionLab 实验 (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/Workbench.cpp" line="292"/>
        <source>Open Experiment</source>
        <translation>打开实验</translation>
    </message>
    <message>
        <location filename="../../ui/Workbench.cpp" line="293"/>
        <source>FusionLab experiment (*.json);;All files (*)</source>
        <translation>FusionLab 实验 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/Workbench.cpp" line="302"/>
        <source>Export Report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <location filename="../../ui/Workbench.cpp" line="303"/>
        <source>HTML page and PDF (*);;HTML page (*.html);;PDF (*.pdf)</source>
        <translation>HTML 页面和 PDF (*);;HTML 页面 (*.html);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/Workbench.cpp" line="307"/>
        <source>Could not write the report</source>
        <translation>无法写入报告</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/main.cpp" line="42"/>
        <source>A lab for cross-modal feature fusion in recommender systems.</source>
        <translation>推荐系统跨模态特征融合实验室。</translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="45"/>
        <source>Forget the saved layout and parameters.</source>
        <translation>清除已保存的布局和参数。</translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="46"/>
        <source>Open a saved experiment (its dataset, parameters and runs).</source>
        <translation>打开已保存的实验（包括其数据集、参数和运行记录）。</translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="48"/>
        <source>&apos;demo&apos;, &apos;demo-missing&apos; (the demo with a quarter of its images and texts missing), a folder with manifest.json, or a manifest file.</source>
        <translation>&apos;demo&apos;、&apos;demo-missing&apos;（缺少四分之一图像和文本的演示数据集）、包含 manifest.json 的文件夹，或清单文件。</translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="49"/>
        <source>Open lesson N (1 to 5) with its data, parameters and guide.</source>
        <translation>打开第 N 课（1 到 5），包括其数据、参数和指引。</translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="52"/>
        <source>The window&apos;s language for this session: zh_CN or en.</source>
        <translation>本次会话的窗口语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="64"/>
        <source>Unknown language &apos;%1&apos;; expected one of: %2.</source>
        <translation>未知语言 &apos;%1&apos;；应为以下之一：%2。</translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="88"/>
        <source>Could not open the experiment</source>
        <translation>无法打开实验</translation>
    </message>
</context>
</TS>
