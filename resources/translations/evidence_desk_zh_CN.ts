<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaseEditor</name>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="65" />
        <source>Select a case in the list, or create one with New.</source>
        <translation>在列表中选择一个案件，或点击“新建”创建案件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="97" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="100" />
        <source>Case title</source>
        <translation>案件标题</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="101" />
        <source>Untitled case</source>
        <translation>未命名案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="105" />
        <location filename="../../desktop_app/gui/case_editor.py" line="109" />
        <source>Filing date</source>
        <translation>提交日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="107" />
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="108" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="113" />
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="115" />
        <source>Complainant name</source>
        <translation>投诉人名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="117" />
        <source>Complainant role</source>
        <translation>投诉人身份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="118" />
        <source>Rights holder</source>
        <translation>权利人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="119" />
        <source>Agent (with authorization letter)</source>
        <translation>代理人（附授权书）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="121" />
        <source>Complainant email</source>
        <translation>投诉人邮箱</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="122" />
        <source>Contact name</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="124" />
        <source>Choose letter…</source>
        <translation>选择授权书…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="125" />
        <source>Choose authorization letter</source>
        <translation>选择授权书</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="132" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="133" />
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="134" />
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="135" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="136" />
        <location filename="../../desktop_app/gui/case_editor.py" line="284" />
        <source>Authorization letter</source>
        <translation>授权书</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="141" />
        <source>Rights</source>
        <translation>权利</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="145" />
        <source>Rights of this case</source>
        <translation>本案权利</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="148" />
        <source>Mark</source>
        <translation>商标</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="149" />
        <source>Office</source>
        <translation>注册机构</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="150" />
        <source>Registration no.</source>
        <translation>注册号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="151" />
        <source>Owner</source>
        <translation>权利人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="152" />
        <source>Classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="160" />
        <source>Add from library…</source>
        <translation>从权利库添加…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="162" />
        <location filename="../../desktop_app/gui/case_editor.py" line="196" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="163" />
        <source>Remove right</source>
        <translation>移除权利</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="165" />
        <source>Rights library…</source>
        <translation>权利库…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="176" />
        <source>Listings</source>
        <translation>商品链接</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="181" />
        <source>Listings of this case</source>
        <translation>本案商品链接</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="189" />
        <source>Add screenshot…</source>
        <translation>添加截图…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="191" />
        <source>Paste screenshot</source>
        <translation>粘贴截图</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="193" />
        <source>Attach the image on the clipboard to the selected listing (Ctrl+Shift+V)</source>
        <translation>将剪贴板中的图片附加到所选链接（Ctrl+Shift+V）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="197" />
        <source>Remove listings</source>
        <translation>移除链接</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="205" />
        <source>Paste listing URLs</source>
        <translation>粘贴商品链接</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="206" />
        <source>Paste listing URLs here, one per line…</source>
        <translation>在此粘贴商品链接，每行一个…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="211" />
        <source>Parsed listing URLs</source>
        <translation>已解析的链接</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="218" />
        <location filename="../../desktop_app/gui/case_editor.py" line="396" />
        <source>Add listings</source>
        <translation>添加链接</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="286" />
        <source>Genuine product photo</source>
        <translation>正品照片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="287" />
        <source>Other file</source>
        <translation>其他文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="261" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="283" />
        <source>Certificate</source>
        <translation>注册证</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="285" />
        <source>Screenshot</source>
        <translation>截图</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="335" />
        <source>Not saved yet: %1</source>
        <translation>尚未保存：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="355" />
        <source>Add right</source>
        <translation>添加权利</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="355" />
        <source>Right from the library:</source>
        <translation>权利库中的权利：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/case_editor.py" line="396" />
        <source>Add %n listing(s)</source>
        <translation>
            <numerusform>添加 %n 个链接</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseListPanel</name>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="43" />
        <source>Search cases, marks, marketplaces…</source>
        <translation>搜索案件、商标、平台…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="44" />
        <source>Search cases</source>
        <translation>搜索案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="48" />
        <source>Filter by status</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="49" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="57" />
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="71" />
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="72" />
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="73" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="74" />
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="75" />
        <source>Import one or more case folders (each holds case.toml)</source>
        <translation>导入一个或多个案件文件夹（每个包含 case.toml）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="165" />
        <source>Delete case</source>
        <translation>删除案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="167" />
        <source>Delete case %1 (%2)? Its evidence files are removed unless another case or the rights library still uses them.</source>
        <translation>删除案件 %1（%2）？其证据文件将被删除，除非其他案件或权利库仍在使用。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/case_list.py" line="178" />
        <source>Deleted %1; %n file(s) no longer used were removed.</source>
        <translation>
            <numerusform>已删除 %1；移除了 %n 个不再使用的文件。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="209" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/case_list.py" line="218" />
        <source>Imported %n case(s).</source>
        <translation>
            <numerusform>已导入 %n 个案件。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="226" />
        <source>Import case folders</source>
        <translation>导入案件文件夹</translation>
    </message>
</context>
<context>
    <name>CaseTable</name>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="61" />
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="62" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="63" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="64" />
        <source>Marketplace</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="65" />
        <source>Mark</source>
        <translation>商标</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="66" />
        <source>Blockers</source>
        <translation>阻断项</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="67" />
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="103" />
        <source>Run checks</source>
        <translation>运行检查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="104" />
        <source>Run checks (F5)</source>
        <translation>运行检查（F5）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="106" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="107" />
        <source>Cancel checks</source>
        <translation>取消检查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="111" />
        <source>Checks progress</source>
        <translation>检查进度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="118" />
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="139" />
        <source>The check engine is not installed in this build; checks are unavailable.</source>
        <translation>此版本未安装检查引擎，无法检查。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="151" />
        <source>No case open.</source>
        <translation>未打开案件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="159" />
        <source>Last run %1: %2 blocker(s), %3 warning(s). Re-running…</source>
        <translation>上次运行 %1：%2 个阻断项，%3 个警告。正在重新运行…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="183" />
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="193" />
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="214" />
        <source>Not ready: %1 blocker(s), %2 warning(s).</source>
        <translation>未就绪：%1 个阻断项，%2 个警告。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="216" />
        <source>Ready to export: no blockers, %2 warning(s).</source>
        <translation>可以导出：无阻断项，%2 个警告。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="225" />
        <source>Checks cancelled.</source>
        <translation>检查已取消。</translation>
    </message>
</context>
<context>
    <name>DashboardDialog</name>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="92" />
        <source>Outcomes dashboard</source>
        <translation>结果看板</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="101" />
        <source>Success rate</source>
        <translation>成功率</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="102" />
        <source>Decline reasons</source>
        <translation>驳回原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="111" />
        <source>All-time success rate — %1. Alibaba IPP expects at least %2.</source>
        <translation>累计成功率 — %1。阿里巴巴知识产权保护平台要求至少 %2。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="117" />
        <source>No decided complaints yet: mark cases submitted, then record the decision.</source>
        <translation>尚无已判定的投诉：请先标记案件已提交，再记录结果。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="127" />
        <source>Success rate per marketplace (cumulative)</source>
        <translation>各平台成功率（累计）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="150" />
        <source>Good-faith threshold %1</source>
        <translation>善意投诉阈值 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="159" />
        <source>Success rate chart</source>
        <translation>成功率图表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="174" />
        <source>Commonest decline reasons</source>
        <translation>最常见的驳回原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="175" />
        <source>Declines</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="193" />
        <source>Decline reasons chart</source>
        <translation>驳回原因图表</translation>
    </message>
</context>
<context>
    <name>EvidenceFilesMixin</name>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="44" />
        <location filename="../../desktop_app/gui/editor_files.py" line="48" />
        <source>Evidence files</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="49" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="49" />
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="49" />
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="55" />
        <source>Add files as</source>
        <translation>文件用途</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="56" />
        <source>Screenshot of the selected listing</source>
        <translation>所选链接的截图</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="57" />
        <source>Genuine product photo</source>
        <translation>正品照片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="58" />
        <source>Authorization letter</source>
        <translation>授权书</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="59" />
        <source>Other file</source>
        <translation>其他文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="60" />
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="62" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="63" />
        <source>Remove file</source>
        <translation>移除文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="66" />
        <source>Add as</source>
        <translation>添加为</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="76" />
        <source>Drop files anywhere on the editor to add them.</source>
        <translation>将文件拖放到编辑区即可添加。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="87" />
        <source>Add evidence files</source>
        <translation>添加证据文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="99" />
        <source>Add the listing's URL first; a screenshot belongs to a listing.</source>
        <translation>请先添加商品链接；截图需归属于某个链接。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="120" />
        <source>Adding files</source>
        <translation>正在添加文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="169" />
        <source>The clipboard holds no image; copy a screenshot first.</source>
        <translation>剪贴板中没有图片，请先复制截图。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="175" />
        <source>The clipboard image could not be saved.</source>
        <translation>无法保存剪贴板图片。</translation>
    </message>
</context>
<context>
    <name>EvidenceViewer</name>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="102" />
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="105" />
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="292" />
        <source>No file shown</source>
        <translation>未显示文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="108" />
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="109" />
        <source>Page </source>
        <translation>第 </translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="112" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="113" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="114" />
        <source>Fit to window</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="115" />
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="116" />
        <source>Show OCR text</source>
        <translation>显示识别文字</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="120" />
        <source>The OCR reader is not installed in this build.</source>
        <translation>此版本未安装文字识别。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="155" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="163" />
        <source>Rendering</source>
        <translation>正在渲染</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="188" />
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="255" />
        <source>Reading text…</source>
        <translation>正在识别文字…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="256" />
        <source>Reading text</source>
        <translation>正在识别文字</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="42" />
        <source>Export %1</source>
        <translation>导出 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="45" />
        <source>Signing identity</source>
        <translation>签名身份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="46" />
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="47" />
        <source>New identity</source>
        <translation>新建身份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="49" />
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="50" />
        <source>Import identity</source>
        <translation>导入身份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="58" />
        <location filename="../../desktop_app/gui/export_dialog.py" line="69" />
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="60" />
        <source>Package file</source>
        <translation>文件包</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="61" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="66" />
        <source>Export even if the checks found blockers</source>
        <translation>即使检查发现阻断项也导出</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="68" />
        <source>Identity</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="70" />
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="74" />
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="79" />
        <location filename="../../desktop_app/gui/export_dialog.py" line="152" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="82" />
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="85" />
        <location filename="../../desktop_app/gui/export_dialog.py" line="189" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="113" />
        <source>No signing identity yet: create one with New… or import one.</source>
        <translation>尚无签名身份：请点击“新建…”创建或导入。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="123" />
        <source>Save package as</source>
        <translation>文件包另存为</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="123" />
        <source>Submission package (*.zip)</source>
        <translation>提交文件包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="130" />
        <source>Choose a signing identity first (New… creates one).</source>
        <translation>请先选择签名身份（“新建…”可创建）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="150" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="151" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="159" />
        <source>Export cancelled; no package was written.</source>
        <translation>导出已取消；未写入任何文件包。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="173" />
        <source>Package: %1
SHA-256: %2
Signer fingerprint: %3</source>
        <translation>文件包：%1
SHA-256：%2
签名者指纹：%3</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="36" />
        <source>Finding</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="36" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="43" />
        <source>Blockers</source>
        <translation>阻断项</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="44" />
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="45" />
        <source>Notes</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="64" />
        <source>Found in the evidence</source>
        <translation>在证据中找到</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="69" />
        <source>Mark</source>
        <translation>商标</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="69" />
        <source>Listing id</source>
        <translation>商品编号</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="33" />
        <source>New signing identity</source>
        <translation>新建签名身份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="33" />
        <source>Import identity</source>
        <translation>导入身份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="37" />
        <source>Identity name</source>
        <translation>身份名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="39" />
        <location filename="../../desktop_app/gui/identity_dialog.py" line="57" />
        <source>Organisation</source>
        <translation>组织</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="41" />
        <location filename="../../desktop_app/gui/identity_dialog.py" line="58" />
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="43" />
        <location filename="../../desktop_app/gui/identity_dialog.py" line="65" />
        <source>PKCS#12 file</source>
        <translation>PKCS#12 文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="44" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="48" />
        <location filename="../../desktop_app/gui/identity_dialog.py" line="59" />
        <location filename="../../desktop_app/gui/identity_dialog.py" line="67" />
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="51" />
        <source>Confirm passphrase</source>
        <translation>确认口令</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="56" />
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="60" />
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="66" />
        <source>Name (optional)</source>
        <translation>名称（可选）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="78" />
        <source>PKCS#12 identity</source>
        <translation>PKCS#12 身份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="78" />
        <source>PKCS#12 (*.p12 *.pfx)</source>
        <translation>PKCS#12 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="85" />
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="99" />
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>ListingPaste</name>
    <message>
        <location filename="../../desktop_app/gui/listing_paste.py" line="29" />
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/listing_paste.py" line="36" />
        <source>%1 of %2 addresses recognised; invalid ones are marked in red.</source>
        <translation>已识别 %2 个地址中的 %1 个；无效地址以红色标出。</translation>
    </message>
</context>
<context>
    <name>ListingTable</name>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="170" />
        <source>URL</source>
        <translation>链接</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="171" />
        <source>Marketplace</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="172" />
        <source>Listing id</source>
        <translation>商品编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="173" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/models.py" line="184" />
        <source>%n screenshot(s)</source>
        <translation>
            <numerusform>%n 张截图</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="67" />
        <source>Case editor</source>
        <translation>案件编辑器</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="73" />
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="76" />
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="79" />
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="118" />
        <source>Background work progress</source>
        <translation>后台任务进度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="121" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="122" />
        <source>Cancel background work</source>
        <translation>取消后台任务</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="148" />
        <source>Not installed in this build</source>
        <translation>此版本未安装</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="150" />
        <source>&amp;New case</source>
        <translation>新建案件(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="152" />
        <source>&amp;Import case folders…</source>
        <translation>导入案件文件夹(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="154" />
        <source>D&amp;uplicate case</source>
        <translation>复制案件(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="156" />
        <source>&amp;Delete case…</source>
        <translation>删除案件(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="159" />
        <source>&amp;Export package…</source>
        <translation>导出文件包(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="166" />
        <source>&amp;Verify package…</source>
        <translation>验证文件包(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="173" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="175" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="176" />
        <source>&amp;Run checks</source>
        <translation>运行检查(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="177" />
        <source>&amp;Cancel background work</source>
        <translation>取消后台任务(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="179" />
        <source>Mark &amp;submitted…</source>
        <translation>标记为已提交(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="182" />
        <source>Record &amp;decision…</source>
        <translation>记录处理结果(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="184" />
        <source>&amp;Rights library…</source>
        <translation>权利库(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="185" />
        <source>&amp;Outcomes dashboard…</source>
        <translation>结果看板(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="186" />
        <source>&amp;Find case</source>
        <translation>查找案件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="187" />
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="190" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="193" />
        <source>&amp;Case</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="196" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="203" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="209" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="215" />
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="282" />
        <source>Opening the demo case</source>
        <translation>正在打开示例案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="397" />
        <source>About %1</source>
        <translation>关于 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="399" />
        <source>%1 %2
Offline evidence checks and signed submission packages for IP takedown complaints.</source>
        <translation>%1 %2
离线检查知识产权投诉证据并生成签名提交文件包。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="436" />
        <source>Cancelling background work…</source>
        <translation>正在取消后台任务…</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="33" />
        <location filename="../../desktop_app/gui/outcomes_view.py" line="51" />
        <source>Complaint number</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="34" />
        <source>Accepted</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="35" />
        <source>Declined</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="42" />
        <source>Decline reason</source>
        <translation>驳回原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="43" />
        <source>The reason the marketplace gave</source>
        <translation>平台给出的原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="50" />
        <source>Mark %1 submitted</source>
        <translation>标记 %1 为已提交</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="53" />
        <source>Decision on %1</source>
        <translation>%1 的处理结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="54" />
        <source>Decision</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="56" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>RightsLibraryDialog</name>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="81" />
        <source>Rights library</source>
        <translation>权利库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="84" />
        <source>Rights in the library</source>
        <translation>权利库中的权利</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="87" />
        <location filename="../../desktop_app/gui/rights_library.py" line="133" />
        <source>Mark</source>
        <translation>商标</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="88" />
        <location filename="../../desktop_app/gui/rights_library.py" line="131" />
        <source>Office</source>
        <translation>注册机构</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="89" />
        <location filename="../../desktop_app/gui/rights_library.py" line="132" />
        <source>Registration no.</source>
        <translation>注册号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="90" />
        <location filename="../../desktop_app/gui/rights_library.py" line="134" />
        <source>Owner</source>
        <translation>权利人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="91" />
        <source>Certificate</source>
        <translation>注册证</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="99" />
        <source>New right</source>
        <translation>新建权利</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="101" />
        <source>Read from certificate…</source>
        <translation>从注册证读取…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="103" />
        <source>Use in case</source>
        <translation>用于本案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="128" />
        <source>Right</source>
        <translation>权利</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="135" />
        <source>Nice classes</source>
        <translation>尼斯分类</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="152" />
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="153" />
        <source>Confirm %1</source>
        <translation>确认%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="167" />
        <source>Save right</source>
        <translation>保存权利</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="216" />
        <location filename="../../desktop_app/gui/rights_library.py" line="270" />
        <source>Certificate: %1</source>
        <translation>注册证：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="217" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="247" />
        <source>Trademark certificate</source>
        <translation>商标注册证</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="255" />
        <source>Reading the certificate…</source>
        <translation>正在读取注册证…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="258" />
        <source>Reading certificate</source>
        <translation>正在读取注册证</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="289" />
        <source>Not found on the certificate; enter it.</source>
        <translation>注册证上未找到，请手动输入。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="291" />
        <source>page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="294" />
        <source>computed</source>
        <translation>推算</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="300" />
        <source>This right is already in the library; saving updates it.</source>
        <translation>此权利已在权利库中；保存将更新它。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="303" />
        <source>Check each field against the highlighted text, then tick Confirmed.</source>
        <translation>请对照高亮文字核对每个字段，然后勾选“已确认”。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="340" />
        <source>Confirm or correct every field first.</source>
        <translation>请先确认或更正每个字段。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="372" />
        <source>Saved %1 in the rights library.</source>
        <translation>已将 %1 保存到权利库。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="382" />
        <source>Added to the open case.</source>
        <translation>已添加到当前案件。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop_app/gui/settings_dialog.py" line="31" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/settings_dialog.py" line="35" />
        <location filename="../../desktop_app/gui/settings_dialog.py" line="68" />
        <location filename="../../desktop_app/gui/settings_dialog.py" line="81" />
        <source>Data directory</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/settings_dialog.py" line="36" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/settings_dialog.py" line="42" />
        <location filename="../../desktop_app/gui/settings_dialog.py" line="70" />
        <source>Default identity</source>
        <translation>默认身份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/settings_dialog.py" line="43" />
        <source>(ask each time)</source>
        <translation>（每次询问）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/settings_dialog.py" line="53" />
        <location filename="../../desktop_app/gui/settings_dialog.py" line="71" />
        <source>OCR languages</source>
        <translation>识别语言</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/settings_dialog.py" line="59" />
        <source>One model reads Simplified Chinese and English (and other Latin-script text).</source>
        <translation>同一模型可识别简体中文和英文（及其他拉丁字母文字）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/settings_dialog.py" line="62" />
        <location filename="../../desktop_app/gui/settings_dialog.py" line="72" />
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/settings_dialog.py" line="66" />
        <source>A new data directory is used from the next start.</source>
        <translation>新的数据目录将在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="29" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="30" />
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="31" />
        <source>Not ready</source>
        <translation>未就绪</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="32" />
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="33" />
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="34" />
        <source>Accepted</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="35" />
        <source>Declined</source>
        <translation>已驳回</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="33" />
        <source>Verify package</source>
        <translation>验证文件包</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="36" />
        <source>Package file</source>
        <translation>文件包</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="37" />
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="40" />
        <source>Expected signer fingerprint</source>
        <translation>预期签名者指纹</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="41" />
        <source>Expected signer fingerprint (optional)</source>
        <translation>预期签名者指纹（可选）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="42" />
        <location filename="../../desktop_app/gui/verify_dialog.py" line="96" />
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="44" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="61" />
        <source>Files in the package</source>
        <translation>文件包中的文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="62" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="62" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="75" />
        <source>Open package</source>
        <translation>打开文件包</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="75" />
        <source>Submission package (*.zip)</source>
        <translation>提交文件包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="84" />
        <source>Choose a package file first.</source>
        <translation>请先选择文件包。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="93" />
        <source>Verifying…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="100" />
        <source>Verification cancelled.</source>
        <translation>验证已取消。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="109" />
        <source>VALID — signed by %1 (%2), fingerprint %3.</source>
        <translation>有效 — 签名者 %1（%2），指纹 %3。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="112" />
        <source>INVALID — %4 problem(s). Signer: %1 (%2), fingerprint %3.</source>
        <translation>无效 — %4 个问题。签名者：%1（%2），指纹 %3。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="126" />
        <source>OK</source>
        <translation>正常</translation>
    </message>
</context>
</TS>