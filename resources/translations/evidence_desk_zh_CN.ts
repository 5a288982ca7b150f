<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaseEditor</name>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="121"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="124"/>
        <source>Case title</source>
        <translation>案件标题</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="125"/>
        <source>Untitled case</source>
        <translation>未命名案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="129"/>
        <location filename="../../desktop_app/gui/case_editor.py" line="133"/>
        <source>Filing date</source>
        <translation>提交日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="131"/>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="132"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="137"/>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="139"/>
        <source>Complainant name</source>
        <translation>投诉人名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="141"/>
        <source>Complainant role</source>
        <translation>投诉人身份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="142"/>
        <source>Rights holder</source>
        <translation>权利人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="143"/>
        <source>Agent (with authorization letter)</source>
        <translation>代理人（附授权书）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="145"/>
        <source>Complainant email</source>
        <translation>投诉人邮箱</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="146"/>
        <source>Contact name</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="148"/>
        <source>Choose letter…</source>
        <translation>选择授权书…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="149"/>
        <source>Choose authorization letter</source>
        <translation>选择授权书</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="156"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="157"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="158"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="159"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="160"/>
        <location filename="../../desktop_app/gui/case_editor.py" line="333"/>
        <source>Authorization letter</source>
        <translation>授权书</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="165"/>
        <source>Rights</source>
        <translation>权利</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="169"/>
        <source>Rights of this case</source>
        <translation>本案权利</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="172"/>
        <source>Mark</source>
        <translation>商标</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="173"/>
        <source>Office</source>
        <translation>注册机构</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="174"/>
        <source>Registration no.</source>
        <translation>注册号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="175"/>
        <source>Owner</source>
        <translation>权利人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="176"/>
        <source>Classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="184"/>
        <source>Add certificate…</source>
        <translation>添加注册证…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="188"/>
        <source>Read a trademark certificate, confirm its fields, save it to the library and use it here</source>
        <translation>读取商标注册证，确认各字段，保存到权利库并用于本案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="192"/>
        <source>Add from library…</source>
        <translation>从权利库添加…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="194"/>
        <location filename="../../desktop_app/gui/case_editor.py" line="238"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="195"/>
        <source>Remove right</source>
        <translation>移除权利</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="197"/>
        <source>Rights library…</source>
        <translation>权利库…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="209"/>
        <source>Listings</source>
        <translation>商品链接</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="214"/>
        <source>Listings of this case</source>
        <translation>本案商品链接</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="227"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="229"/>
        <source>Correct the selected listing&apos;s URL, title or seller (double-click a row)</source>
        <translation>更正所选商品链接的网址、标题或卖家（双击行即可）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="231"/>
        <source>Add screenshot…</source>
        <translation>添加截图…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="233"/>
        <source>Paste screenshot</source>
        <translation>粘贴截图</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="235"/>
        <source>Attach the image on the clipboard to the selected listing (Ctrl+Shift+V)</source>
        <translation>将剪贴板中的图片附加到所选链接（Ctrl+Shift+V）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="239"/>
        <location filename="../../desktop_app/gui/case_editor.py" line="514"/>
        <source>Remove listings</source>
        <translation>移除链接</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="247"/>
        <source>Paste listing URLs</source>
        <translation>粘贴商品链接</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="248"/>
        <source>Paste listing URLs here, one per line…</source>
        <translation>在此粘贴商品链接，每行一个…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="253"/>
        <source>Parsed listing URLs</source>
        <translation>已解析的链接</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="260"/>
        <location filename="../../desktop_app/gui/case_editor.py" line="481"/>
        <source>Add listings</source>
        <translation>添加链接</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="335"/>
        <source>Genuine product photo</source>
        <translation>正品照片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="336"/>
        <source>Other file</source>
        <translation>其他文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="416"/>
        <source>Submitted: this case is read-only. To change it, use Reopen… under Records at the end.</source>
        <translation>已提交：本案件为只读。如需修改，请使用末尾“记录”中的“重新打开…”。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/case_editor.py" line="515"/>
        <source>Remove %n listing(s) and their screenshots from this case?</source>
        <translation>
            <numerusform>从本案移除 %n 个商品链接及其截图？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/case_editor.py" line="516"/>
        <source>%n screenshot(s) will be detached.</source>
        <translation>
            <numerusform>%n 张截图将被解除关联。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="308"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="332"/>
        <source>Certificate</source>
        <translation>注册证</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="334"/>
        <source>Screenshot</source>
        <translation>截图</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="381"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="391"/>
        <source>Not saved yet: %1</source>
        <translation>尚未保存：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="440"/>
        <source>Add right</source>
        <translation>添加权利</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_editor.py" line="440"/>
        <source>Right from the library:</source>
        <translation>权利库中的权利：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/case_editor.py" line="481"/>
        <source>Add %n listing(s)</source>
        <translation>
            <numerusform>添加 %n 个链接</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseListPanel</name>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="45"/>
        <source>Search cases, marks, marketplaces…</source>
        <translation>搜索案件、商标、平台…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="46"/>
        <source>Search cases</source>
        <translation>搜索案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="50"/>
        <source>Filter by status</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="51"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="59"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="73"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="74"/>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="75"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="76"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="77"/>
        <source>Import one or more case folders (each holds case.toml)</source>
        <translation>导入一个或多个案件文件夹（每个包含 case.toml）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="167"/>
        <source>Delete case</source>
        <translation>删除案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="169"/>
        <source>Delete case %1 (%2)? Its evidence files are removed unless another case or the rights library still uses them.</source>
        <translation>删除案件 %1（%2）？其证据文件将被删除，除非其他案件或权利库仍在使用。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/case_list.py" line="186"/>
        <source>Deleted %1; %n file(s) no longer used were removed.</source>
        <translation>
            <numerusform>已删除 %1；移除了 %n 个不再使用的文件。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="217"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/case_list.py" line="226"/>
        <source>Imported %n case(s).</source>
        <translation>
            <numerusform>已导入 %n 个案件。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_list.py" line="234"/>
        <source>Import case folders</source>
        <translation>导入案件文件夹</translation>
    </message>
</context>
<context>
    <name>CaseRecordsPanel</name>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="49"/>
        <source>export</source>
        <comment>a revision was frozen at export</comment>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="50"/>
        <source>submission</source>
        <comment>a revision was frozen at submission</comment>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="140"/>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="150"/>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="151"/>
        <source>Reopen submitted case</source>
        <translation>重新打开已提交的案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="159"/>
        <source>Package versions</source>
        <translation>文件包版本</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="162"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="163"/>
        <source>Exported</source>
        <translation>导出时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="164"/>
        <source>Signer</source>
        <translation>签名者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="165"/>
        <source>Revision</source>
        <translation>修订版</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="166"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="167"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="176"/>
        <source>Package versions (never replaced):</source>
        <translation>文件包版本（从不覆盖）：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="180"/>
        <source>Time-stamp request…</source>
        <translation>时间戳请求…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="182"/>
        <source>Save an RFC 3161 request for the selected version, to send to a time-stamping authority</source>
        <translation>为所选版本保存 RFC 3161 请求，发送给时间戳机构</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="185"/>
        <source>Attach time stamp…</source>
        <translation>附加时间戳…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="187"/>
        <source>Add the authority&apos;s response to the selected version; the result is a new version</source>
        <translation>将机构的响应附加到所选版本；结果是一个新版本</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="202"/>
        <source>Revisions</source>
        <translation>修订版</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="206"/>
        <source>View revision…</source>
        <translation>查看修订版…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="213"/>
        <source>Revisions (what each package or submission held):</source>
        <translation>修订版（每个文件包或每次提交所含内容）：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="237"/>
        <source>v%1 (v%2 + time stamp)</source>
        <translation>v%1（v%2 + 时间戳）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="261"/>
        <source>Revision %1 — frozen %2 at %3</source>
        <translation>修订版 %1 — %2 %3时冻结</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="271"/>
        <source>Not exported yet.</source>
        <translation>尚未导出。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="273"/>
        <source>Edited since revision %1: the next export makes a new revision.</source>
        <translation>自修订版 %1 以来已有修改：下次导出将生成新的修订版。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="277"/>
        <source>Unchanged since revision %1.</source>
        <translation>自修订版 %1 以来未修改。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="286"/>
        <source>Submitted %1 to %2 as complaint %3 (package v%4, revision %5).</source>
        <translation>已于 %1 向 %2 提交，投诉编号 %3（文件包 v%4，修订版 %5）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="298"/>
        <source>Batch %1, %2 listings: %3 accepted, %4 declined, %5 undecided.</source>
        <translation>第 %1 批，共 %2 个商品链接：%3 个已受理，%4 个已驳回，%5 个待处理。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="309"/>
        <source>Decision: %1 %2%3</source>
        <translation>处理结果：%1（%2）%3</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="313"/>
        <source>Reopened %1: %2</source>
        <translation>已于 %1 重新打开：%2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="319"/>
        <source>Read-only while submitted: reopen it with a reason to edit.</source>
        <translation>已提交的案件为只读：如需编辑，请说明原因并重新打开。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="320"/>
        <source>Not submitted.</source>
        <translation>尚未提交。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="346"/>
        <source>Save time-stamp request</source>
        <translation>保存时间戳请求</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="348"/>
        <source>Time-stamp requests (*.tsq)</source>
        <translation>时间戳请求 (*.tsq)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="362"/>
        <source>Request saved to %1. Send it to your time-stamping authority, then attach its response.</source>
        <translation>请求已保存到 %1。请将其发送给您的时间戳机构，然后附加其响应。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="376"/>
        <source>Attach time-stamp response</source>
        <translation>附加时间戳响应</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="378"/>
        <source>Time-stamp responses (*.tsr *.der);;All files (*)</source>
        <translation>时间戳响应 (*.tsr *.der);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="396"/>
        <source>Attaching the time stamp…</source>
        <translation>正在附加时间戳…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="397"/>
        <source>Attach time stamp</source>
        <translation>附加时间戳</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="400"/>
        <source>Cancelled; no package was written.</source>
        <translation>已取消；未写入任何证据包。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="410"/>
        <source>Time-stamped copy written to %1, but the package file differs from every recorded version, so it is not listed as a version of this case.</source>
        <translation>带时间戳的副本已写入 %1，但该证据包文件与所有已记录的版本都不同，因此未列为本案的版本。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="417"/>
        <source>Version %1 written: %2 — time stamp by %3 at %4. Version %5 is unchanged.</source>
        <translation>已写入版本 %1：%2 — 时间戳由 %3 于 %4 签发。版本 %5 未改动。</translation>
    </message>
</context>
<context>
    <name>CaseTable</name>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="63"/>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="64"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="65"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="66"/>
        <source>Marketplace</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="67"/>
        <source>Mark</source>
        <translation>商标</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="68"/>
        <source>Blockers</source>
        <translation>阻断项</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="69"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="136"/>
        <source>Run checks</source>
        <translation>运行检查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="137"/>
        <source>Run checks (F5)</source>
        <translation>运行检查（F5）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="139"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="140"/>
        <source>Cancel checks</source>
        <translation>取消检查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="144"/>
        <source>Checks progress</source>
        <translation>检查进度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="146"/>
        <source>Checks %p%</source>
        <translation>检查 %p%</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="153"/>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="165"/>
        <source>Selected finding in full</source>
        <translation>所选检查结果全文</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="166"/>
        <source>Select a finding to read it in full here.</source>
        <translation>选择一条检查结果，在此查看全文。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="169"/>
        <source>Confirm by hand…</source>
        <translation>人工确认…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="172"/>
        <source>Check the right&apos;s fields against its certificate and confirm them (rights library).</source>
        <translation>对照注册证核对该权利的各字段并加以确认（权利库）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="190"/>
        <source>The check engine is not installed in this build; checks are unavailable.</source>
        <translation>此版本未安装检查引擎，无法检查。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="202"/>
        <source>No case open.</source>
        <translation>未打开案件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="210"/>
        <source>Last run %1: %2 blocker(s), %3 warning(s). Re-running…</source>
        <translation>上次运行 %1：%2 个阻断项，%3 个警告。正在重新运行…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="234"/>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="244"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="265"/>
        <source>Not ready: %1 blocker(s), %2 warning(s).</source>
        <translation>未就绪：%1 个阻断项，%2 个警告。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="267"/>
        <source>Ready to export: no blockers, %2 warning(s).</source>
        <translation>可以导出：无阻断项，%2 个警告。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="274"/>
        <source>(checked at %1)</source>
        <translation>（检查于 %1）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="284"/>
        <source>Checks cancelled.</source>
        <translation>检查已取消。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="319"/>
        <source>, page %1</source>
        <translation>，第 %1 页</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="320"/>
        <source> — read: “%1”</source>
        <translation> — 识别文字：“%1”</translation>
    </message>
</context>
<context>
    <name>ConfirmByHandDialog</name>
    <message>
        <location filename="../../desktop_app/gui/confirm_dialog.py" line="42"/>
        <source>Confirm %1 by hand</source>
        <translation>人工确认 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/confirm_dialog.py" line="52"/>
        <source>Look at the certificate and tick each entered value it shows. Only what you tick counts as established, as confirmed by hand by you, never as read from the file.</source>
        <translation>请查看注册证，勾选证上显示的每一项已录入内容。只有您勾选的内容才视为已确认，且记为由您人工确认，而非从文件中读取。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/confirm_dialog.py" line="71"/>
        <source>Term ends on (as printed or renewed):</source>
        <translation>专用权期限届满日（以注册证所载或续展后为准）：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/confirm_dialog.py" line="82"/>
        <source>Recorded as confirmed by hand by %1 on %2, in the audit log.</source>
        <translation>已在审计日志中记录为由 %1 于 %2 人工确认。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/confirm_dialog.py" line="95"/>
        <source>Record confirmation</source>
        <translation>记录确认</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/confirm_dialog.py" line="98"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DashboardDialog</name>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="361"/>
        <source>Outcomes dashboard</source>
        <translation>结果看板</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="376"/>
        <source>Success rate</source>
        <translation>成功率</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="377"/>
        <source>Decline reasons</source>
        <translation>驳回原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="402"/>
        <source>No decided complaints yet: mark cases submitted, then record the decision.</source>
        <translation>尚无已判定的投诉：请先标记案件已提交，再记录结果。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="385"/>
        <source>%1: %2 of %3 accepted (%4)</source>
        <translation>%1：%3 件中 %2 件通过（%4）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="394"/>
        <source>All-time decisions — %1.</source>
        <translation>历史全部处理结果 — %1。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="396"/>
        <source>Alibaba IPP expects at least %1 of complaints to succeed.</source>
        <translation>阿里巴巴知识产权保护平台要求投诉成功率不低于 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="413"/>
        <source>Listings decided one by one: %1 accepted, %2 declined of %3 decided; %4 not decided yet.</source>
        <translation>逐个处理的商品链接：已处理 %3 个，其中 %1 个已受理，%2 个已驳回；%4 个尚未处理。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="430"/>
        <source>Decisions per marketplace and month</source>
        <translation>各平台每月处理结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="433"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="434"/>
        <source>Marketplace</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="435"/>
        <source>Accepted</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="436"/>
        <source>Declined</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="437"/>
        <source>Rate</source>
        <translation>成功率</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="459"/>
        <source>Success rate per marketplace (cumulative; label: accepted of decided)</source>
        <translation>各平台成功率（累计；标签：通过数/已处理数）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="480"/>
        <source>%1 (%2 decided)</source>
        <translation>%1（已处理 %2 件）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="506"/>
        <source>Alibaba IPP good-faith threshold %1</source>
        <translation>阿里巴巴知识产权保护平台善意投诉门槛 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="516"/>
        <source>Success rate chart</source>
        <translation>成功率图表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="534"/>
        <source>Commonest decline reasons</source>
        <translation>最常见的驳回原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="535"/>
        <source>Declines</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="561"/>
        <source>Decline reasons chart</source>
        <translation>驳回原因图表</translation>
    </message>
</context>
<context>
    <name>EvidenceFilesMixin</name>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="51"/>
        <location filename="../../desktop_app/gui/editor_files.py" line="55"/>
        <source>Evidence files</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="56"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="56"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="56"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="62"/>
        <source>Add files as</source>
        <translation>文件用途</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="63"/>
        <source>Screenshot of the selected listing</source>
        <translation>所选链接的截图</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="65"/>
        <source>Trademark certificate (read it and add the right)</source>
        <translation>商标注册证（读取并添加权利）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="67"/>
        <source>Genuine product photo</source>
        <translation>正品照片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="68"/>
        <source>Authorization letter</source>
        <translation>授权书</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="69"/>
        <source>Other file</source>
        <translation>其他文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="70"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="72"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="73"/>
        <source>Remove file</source>
        <translation>移除文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="76"/>
        <source>Add as</source>
        <translation>添加为</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="86"/>
        <source>Drop files anywhere on the editor to add them.</source>
        <translation>将文件拖放到编辑区即可添加。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="100"/>
        <source>Add evidence files</source>
        <translation>添加证据文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="111"/>
        <source>The case was submitted and is read-only; reopen it to add files.</source>
        <translation>该案件已提交，处于只读状态；请重新打开后再添加文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="121"/>
        <source>Add the listing&apos;s URL first; a screenshot belongs to a listing.</source>
        <translation>请先添加商品链接；截图需归属于某个链接。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="144"/>
        <source>Adding files</source>
        <translation>正在添加文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="169"/>
        <source>Attaching screenshots</source>
        <translation>正在附加截图</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="177"/>
        <source>%1 screenshot(s) attached to the listing each shows; %2 left to assign.</source>
        <translation>已将 %1 张截图附加到各自显示的商品；%2 张待分配。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="182"/>
        <source>%1: not attached — %2 (kept under Other files)</source>
        <translation>%1：未附加 — %2（保留在“其他文件”中）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="235"/>
        <source>The clipboard holds no image; copy a screenshot first.</source>
        <translation>剪贴板中没有图片，请先复制截图。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/editor_files.py" line="243"/>
        <source>The clipboard image could not be saved.</source>
        <translation>无法保存剪贴板图片。</translation>
    </message>
</context>
<context>
    <name>EvidenceViewer</name>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="123"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="126"/>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="354"/>
        <source>No file shown</source>
        <translation>未显示文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="129"/>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="130"/>
        <source>Page </source>
        <translation>第 </translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="133"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="134"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="135"/>
        <source>Fit to window</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="136"/>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="137"/>
        <source>Show OCR text</source>
        <translation>显示识别文字</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="141"/>
        <source>The OCR reader is not installed in this build.</source>
        <translation>此版本未安装文字识别。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="146"/>
        <source>Text read from the shown page</source>
        <translation>从当前页识别的文字</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="187"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="197"/>
        <source>Rendering</source>
        <translation>正在渲染</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="222"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="316"/>
        <source>Reading text…</source>
        <translation>正在识别文字…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="317"/>
        <source>Reading text</source>
        <translation>正在识别文字</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/evidence_viewer.py" line="342"/>
        <source>No text was read on this page.</source>
        <translation>本页未识别到文字。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="43"/>
        <source>Export %1</source>
        <translation>导出 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="46"/>
        <source>Signing identity</source>
        <translation>签名身份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="47"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="48"/>
        <source>New identity</source>
        <translation>新建身份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="50"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="51"/>
        <source>Import identity</source>
        <translation>导入身份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="53"/>
        <source>Export certificate…</source>
        <translation>导出证书…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="55"/>
        <source>Save the identity&apos;s certificate (PEM) for recipients to pin</source>
        <translation>保存该身份的证书（PEM），供接收方固定信任</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="64"/>
        <location filename="../../desktop_app/gui/export_dialog.py" line="75"/>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="66"/>
        <source>Package file</source>
        <translation>文件包</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="67"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="72"/>
        <source>Export even if the checks found blockers</source>
        <translation>即使检查发现阻断项也导出</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="74"/>
        <source>Identity</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="76"/>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="80"/>
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="81"/>
        <source>Export %p%</source>
        <translation>导出 %p%</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="86"/>
        <location filename="../../desktop_app/gui/export_dialog.py" line="197"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="89"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="92"/>
        <location filename="../../desktop_app/gui/export_dialog.py" line="247"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="124"/>
        <source>No signing identity yet: create one with New… or import one.</source>
        <translation>尚无签名身份：请点击“新建…”创建或导入。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="146"/>
        <source>Save certificate as</source>
        <translation>证书另存为</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="148"/>
        <source>Certificate (*.pem)</source>
        <translation>证书 (*.pem)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="160"/>
        <source>Certificate saved to %1
SHA-256 fingerprint: %2</source>
        <translation>证书已保存到 %1
SHA-256 指纹：%2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="168"/>
        <source>Save package as</source>
        <translation>文件包另存为</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="168"/>
        <source>Submission package (*.zip)</source>
        <translation>提交文件包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="220"/>
        <source>The case is unchanged since version %1: this package holds the same revision (%2).</source>
        <translation>自版本 %1 以来案件未修改：此文件包包含相同的修订版（%2）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="227"/>
        <source>Package version %4 (case revision %5): %1
SHA-256: %2
Signer fingerprint: %3</source>
        <translation>文件包版本 %4（案件修订版 %5）：%1
SHA-256：%2
签名者指纹：%3</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="141"/>
        <location filename="../../desktop_app/gui/export_dialog.py" line="175"/>
        <source>Choose a signing identity first (New… creates one).</source>
        <translation>请先选择签名身份（“新建…”可创建）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="195"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="196"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/export_dialog.py" line="205"/>
        <source>Export cancelled; no package was written.</source>
        <translation>导出已取消；未写入任何文件包。</translation>
    </message>
</context>
<context>
    <name>FilingSheetDialog</name>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="63"/>
        <source>Filing sheet — %1</source>
        <translation>投诉表单 — %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="76"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="78"/>
        <source>Marketplace and batch</source>
        <translation>平台与批次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="81"/>
        <source>%1 — batch %2 of %3 (%4 listings)</source>
        <translation>%1 — 第 %2/%3 批（%4 个商品）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="90"/>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="94"/>
        <source>Sheet language</source>
        <translation>表单语言</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="116"/>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="394"/>
        <source>Write upload files…</source>
        <translation>生成上传文件…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="119"/>
        <source>Write this marketplace&apos;s evidence as PDF files to attach to its complaint form: one per batch, split into parts within the form&apos;s upload size limit</source>
        <translation>将该平台的证据生成为 PDF 文件，供投诉表单上传：每批一份，超出表单的上传大小限制时分为多个部分</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="158"/>
        <source>Fill the marketplace&apos;s form in this order; every value was established by the checks, except the statement you edited.</source>
        <translation>请按此顺序填写平台表单；除您编辑过的侵权说明外，每个值均经检查确认。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="163"/>
        <source>Fill the marketplace&apos;s form in this order; every value was established by the checks.</source>
        <translation>请按此顺序填写平台表单；每个值均已由检查确认。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="195"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="208"/>
        <source>Not established: %1</source>
        <translation>未确认：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="249"/>
        <source>Edited by %1 at %2: your text, not established by the checks. The generated statement is kept beside it in the package (complaint.json).</source>
        <translation>由 %1 于 %2 编辑：这是您填写的文字，并非检查所确认。自动生成的侵权说明一并保留在证据包中（complaint.json）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="259"/>
        <source>Generated from the facts the checks established. You may edit it and save your text.</source>
        <translation>依据检查确认的事实自动生成。您可以编辑并保存自己的文字。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="271"/>
        <source>The evidence changed after this statement was edited: the statement generated now differs from the one you edited. Review your text and save it again, or revert to the generated statement.</source>
        <translation>此侵权说明编辑之后证据有变化：现在自动生成的侵权说明与您编辑时所依据的不同。请复核您的文字后重新保存，或恢复为自动生成的侵权说明。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="284"/>
        <source>Save statement</source>
        <translation>保存侵权说明</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="287"/>
        <source>Revert to generated</source>
        <translation>恢复为自动生成</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="309"/>
        <source>Save the statement before copying it.</source>
        <translation>请先保存侵权说明再复制。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="335"/>
        <source>Statement saved.</source>
        <translation>侵权说明已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="337"/>
        <source>Generated statement restored.</source>
        <translation>已恢复自动生成的侵权说明。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="340"/>
        <source>Nothing to save: that is the statement already filed.</source>
        <translation>无需保存：这已是当前提交的侵权说明。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="355"/>
        <source>Folder for the upload files</source>
        <translation>上传文件的保存文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="370"/>
        <source>Cancel writing</source>
        <translation>取消生成</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="378"/>
        <source>Writing the upload files was cancelled.</source>
        <translation>已取消生成上传文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="384"/>
        <source>Wrote %1 upload file(s) to %2.</source>
        <translation>已生成 %1 个上传文件，保存在 %2。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/filing_dialog.py" line="409"/>
        <source>Copied: %1</source>
        <translation>已复制：%1</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="44"/>
        <source>Finding</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="44"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="51"/>
        <source>Blockers</source>
        <translation>阻断项</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="52"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="53"/>
        <source>Notes</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="73"/>
        <source>Found in the evidence</source>
        <translation>在证据中找到</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="88"/>
        <source>Mark</source>
        <translation>商标</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="88"/>
        <source>Captured at</source>
        <translation>截取时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="89"/>
        <source>Listing id</source>
        <translation>商品编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="95"/>
        <source>from %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="97"/>
        <source>in the address bar</source>
        <translation>位于地址栏</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="99"/>
        <source>in “%1”</source>
        <translation>位于“%1”中</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/checks_panel.py" line="101"/>
        <source>alone, at %1 px from the top</source>
        <translation>单独一行，距顶部 %1 像素</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../desktop_app/gui/guide.py" line="22"/>
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="33"/>
        <source>New signing identity</source>
        <translation>新建签名身份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="33"/>
        <source>Import identity</source>
        <translation>导入身份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="40"/>
        <source>Identity name</source>
        <translation>身份名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="50"/>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="57"/>
        <source>Organisation</source>
        <translation>组织</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="52"/>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="58"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="63"/>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="69"/>
        <source>PKCS#12 file</source>
        <translation>PKCS#12 文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="64"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="47"/>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="59"/>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="71"/>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="55"/>
        <source>Confirm passphrase</source>
        <translation>确认口令</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="56"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="60"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="70"/>
        <source>Name (optional)</source>
        <translation>名称（可选）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="85"/>
        <source>PKCS#12 identity</source>
        <translation>PKCS#12 身份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="85"/>
        <source>PKCS#12 (*.p12 *.pfx)</source>
        <translation>PKCS#12 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="93"/>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/identity_dialog.py" line="110"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>ListingDecisions</name>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="257"/>
        <source>Listing id</source>
        <translation>商品链接编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="258"/>
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="259"/>
        <source>Decision</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="260"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="342"/>
        <source>Undecided</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="345"/>
        <source>%1 (not recorded yet)</source>
        <translation>%1（尚未记录）</translation>
    </message>
</context>
<context>
    <name>ListingDialog</name>
    <message>
        <location filename="../../desktop_app/gui/listing_dialog.py" line="16"/>
        <source>Edit listing</source>
        <translation>编辑商品链接</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/listing_dialog.py" line="20"/>
        <source>Listing URL</source>
        <translation>商品链接网址</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/listing_dialog.py" line="23"/>
        <source>Listing title</source>
        <translation>商品标题</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/listing_dialog.py" line="24"/>
        <source>As shown on the listing (optional)</source>
        <translation>与商品页面显示一致（可选）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/listing_dialog.py" line="26"/>
        <location filename="../../desktop_app/gui/listing_dialog.py" line="40"/>
        <source>Seller</source>
        <translation>卖家</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/listing_dialog.py" line="27"/>
        <source>Shop or seller name (optional)</source>
        <translation>店铺或卖家名称（可选）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/listing_dialog.py" line="37"/>
        <source>URL</source>
        <translation>链接</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/listing_dialog.py" line="39"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/listing_dialog.py" line="56"/>
        <source>%1 listing %2</source>
        <translation>%1 商品 %2</translation>
    </message>
</context>
<context>
    <name>ListingPaste</name>
    <message>
        <location filename="../../desktop_app/gui/listing_paste.py" line="30"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/listing_paste.py" line="37"/>
        <source>%1 of %2 addresses recognised; invalid ones are marked in red.</source>
        <translation>已识别 %2 个地址中的 %1 个；无效地址以红色标出。</translation>
    </message>
</context>
<context>
    <name>ListingTable</name>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="173"/>
        <source>URL</source>
        <translation>链接</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="174"/>
        <source>Marketplace</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="175"/>
        <source>Listing id</source>
        <translation>商品编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="176"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/models.py" line="193"/>
        <source>%n blocker(s)</source>
        <translation>
            <numerusform>%n 个阻断项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="196"/>
        <source>No screenshot yet</source>
        <translation>尚无截图</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/models.py" line="198"/>
        <source>%n screenshot(s)</source>
        <translation>
            <numerusform>%n 张截图</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="114"/>
        <source>Case editor</source>
        <translation>案件编辑器</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="129"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="130"/>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="131"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="190"/>
        <source>Background work progress</source>
        <translation>后台任务进度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="191"/>
        <source>%p%</source>
        <translation>%p%</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="192"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="193"/>
        <source>Cancel background work</source>
        <translation>取消后台任务</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="215"/>
        <source>Not installed in this build</source>
        <translation>此版本未安装</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="217"/>
        <source>&amp;New case</source>
        <translation>新建案件(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="219"/>
        <source>&amp;Import case folders…</source>
        <translation>导入案件文件夹(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="221"/>
        <source>D&amp;uplicate case</source>
        <translation>复制案件(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="223"/>
        <source>&amp;Delete case…</source>
        <translation>删除案件(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="226"/>
        <source>&amp;Export package…</source>
        <translation>导出文件包(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="233"/>
        <source>&amp;Verify package…</source>
        <translation>验证文件包(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="240"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="242"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="243"/>
        <source>&amp;Run checks</source>
        <translation>运行检查(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="244"/>
        <source>&amp;Cancel background work</source>
        <translation>取消后台任务(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="246"/>
        <source>Mark &amp;submitted…</source>
        <translation>标记为已提交(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="249"/>
        <source>Record &amp;decision…</source>
        <translation>记录处理结果(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="251"/>
        <source>&amp;Filing sheet…</source>
        <translation>投诉表单(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="252"/>
        <source>&amp;Rights library…</source>
        <translation>权利库(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="253"/>
        <source>&amp;Outcomes dashboard…</source>
        <translation>结果看板(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="254"/>
        <source>&amp;Find case</source>
        <translation>查找案件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="255"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="257"/>
        <source>&amp;User guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="259"/>
        <source>Open the &amp;demo case</source>
        <translation>打开示例案件(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="262"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="265"/>
        <source>&amp;Case</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="279"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="286"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="292"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="301"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="355"/>
        <source>Checks last ran at %1</source>
        <translation>上次检查时间：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="388"/>
        <source>Opening the demo case</source>
        <translation>正在打开示例案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="553"/>
        <source>About %1</source>
        <translation>关于 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="555"/>
        <source>%1 %2
Offline evidence checks and signed submission packages for IP takedown complaints.</source>
        <translation>%1 %2
离线检查知识产权投诉证据并生成签名提交文件包。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="591"/>
        <source>Cancelling background work…</source>
        <translation>正在取消后台任务…</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="60"/>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="61"/>
        <source>Complaint number</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="63"/>
        <source>Marketplace</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="64"/>
        <source>Filed with</source>
        <translation>投诉平台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="67"/>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="79"/>
        <source>Package sent</source>
        <translation>已发送的文件包</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="71"/>
        <source>v%1 — exported %2, SHA-256 %3…</source>
        <translation>v%1 — 导出于 %2，SHA-256 %3…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="78"/>
        <source>(no package exported)</source>
        <translation>（未导出文件包）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="82"/>
        <source>Listings in this complaint</source>
        <translation>本次投诉包含的商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="83"/>
        <source>All the case&apos;s listings</source>
        <translation>本案件的全部商品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="89"/>
        <source>%1 — batch %2 of %3 (%4 listings)</source>
        <translation>%1 — 第 %2/%3 批（%4 个商品）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="96"/>
        <source>filed</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="104"/>
        <source>Complaint covers</source>
        <translation>投诉范围</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="106"/>
        <source>The case becomes read-only until it is reopened with a reason.</source>
        <translation>案件将变为只读，直至说明原因后重新打开。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="125"/>
        <source>Accepted</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="126"/>
        <source>Declined</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="133"/>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="201"/>
        <source>Decline reason</source>
        <translation>驳回原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="155"/>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="158"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="166"/>
        <source>Listings of the complaint</source>
        <translation>该投诉的商品链接</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="185"/>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="187"/>
        <source>Select undecided</source>
        <translation>选择待处理的</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="189"/>
        <source>Clear marks of selected</source>
        <translation>清除所选标记</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="196"/>
        <source>Mark selected accepted</source>
        <translation>将所选标记为已受理</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="198"/>
        <source>Mark selected declined</source>
        <translation>将所选标记为已驳回</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="209"/>
        <source>with the reason</source>
        <translation>驳回理由</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="223"/>
        <source>%1 — %2, batch %3 of %4 (%5 listings, %6 undecided)</source>
        <translation>%1 — %2，第 %3 批（共 %4 批；%5 个商品链接，%6 个待处理）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="242"/>
        <source>Complaint %1, filed %2 with %3: batch %4 of %5.</source>
        <translation>投诉 %1，%2 提交到%3：第 %4 批（共 %5 批）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="255"/>
        <source>%1 listings: %2 accepted and %3 declined recorded; %4 marked accepted and %5 marked declined, to record; %6 undecided.</source>
        <translation>共 %1 个商品链接：已记录 %2 个受理、%3 个驳回；已标记待记录 %4 个受理、%5 个驳回；%6 个待处理。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="281"/>
        <source>Select the listings first (Select all, or click and Shift-click).</source>
        <translation>请先选择商品链接（全选，或单击后按住 Shift 单击）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="284"/>
        <source>Choose the reason the marketplace gave for declining them.</source>
        <translation>请选择平台给出的驳回理由。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="296"/>
        <source>Mark listings accepted or declined first: select them, then use the buttons.</source>
        <translation>请先将商品链接标记为已受理或已驳回：选中它们，然后使用下方按钮。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="58"/>
        <source>Mark %1 submitted</source>
        <translation>标记 %1 为已提交</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="109"/>
        <source>Decision on %1</source>
        <translation>%1 的处理结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="135"/>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="202"/>
        <source>Choose the reason the marketplace gave…</source>
        <translation>选择平台给出的原因…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="144"/>
        <source>Decision</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/outcomes_view.py" line="146"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="63"/>
        <source>Reopen submitted case</source>
        <translation>重新打开已提交的案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="68"/>
        <source>The case was submitted and is read-only. Reopening lets you edit it; the reason is kept with its submission record and in the audit log.</source>
        <translation>该案件已提交，处于只读状态。重新打开后即可编辑；原因将与提交记录一并保存，并写入审计日志。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="75"/>
        <source>Reason for reopening</source>
        <translation>重新打开的原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="76"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>RevisionDialog</name>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="108"/>
        <source>%1 — revision %2 (read-only)</source>
        <translation>%1 — 修订版 %2（只读）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/case_records.py" line="114"/>
        <source>Frozen %1 at %2 · content SHA-256 %3</source>
        <translation>%1 %2时冻结 · 内容 SHA-256 %3</translation>
    </message>
</context>
<context>
    <name>RightsLibraryDialog</name>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="93"/>
        <source>Rights library</source>
        <translation>权利库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="96"/>
        <source>Rights in the library</source>
        <translation>权利库中的权利</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="99"/>
        <location filename="../../desktop_app/gui/rights_library.py" line="151"/>
        <source>Mark</source>
        <translation>商标</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="100"/>
        <location filename="../../desktop_app/gui/rights_library.py" line="149"/>
        <source>Office</source>
        <translation>注册机构</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="101"/>
        <location filename="../../desktop_app/gui/rights_library.py" line="150"/>
        <source>Registration no.</source>
        <translation>注册号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="102"/>
        <location filename="../../desktop_app/gui/rights_library.py" line="152"/>
        <source>Owner</source>
        <translation>权利人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="103"/>
        <source>Certificate</source>
        <translation>注册证</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="111"/>
        <source>New right</source>
        <translation>新建权利</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="113"/>
        <source>Read from certificate…</source>
        <translation>从注册证读取…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="115"/>
        <source>Use in case</source>
        <translation>用于本案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="119"/>
        <source>Use in case %1</source>
        <translation>用于案件 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="120"/>
        <source>Confirm by hand…</source>
        <translation>人工确认…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="123"/>
        <source>The certificate cannot be read? Check the entered fields against it and confirm them.</source>
        <translation>注册证无法读取？请对照注册证核对已录入的字段并加以确认。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="146"/>
        <source>Right</source>
        <translation>权利</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="153"/>
        <source>Nice classes</source>
        <translation>尼斯分类</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="171"/>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="172"/>
        <source>Confirm %1</source>
        <translation>确认%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="186"/>
        <source>Save right</source>
        <translation>保存权利</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="235"/>
        <location filename="../../desktop_app/gui/rights_library.py" line="325"/>
        <source>Certificate: %1</source>
        <translation>注册证：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="236"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="262"/>
        <source>%1 %2; run the checks again.</source>
        <translation>%1 %2；请重新运行检查。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="294"/>
        <source>Trademark certificate</source>
        <translation>商标注册证</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="302"/>
        <source>Add a certificate to case %1</source>
        <translation>为案件 %1 添加注册证</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="303"/>
        <source>Save and use in case %1</source>
        <translation>保存并用于案件 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="310"/>
        <source>Reading the certificate…</source>
        <translation>正在读取注册证…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="313"/>
        <source>Reading certificate</source>
        <translation>正在读取注册证</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="344"/>
        <source>Not found on the certificate; enter it.</source>
        <translation>注册证上未找到，请手动输入。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="347"/>
        <source>page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="350"/>
        <source>computed</source>
        <translation>推算</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="356"/>
        <source>This right is already in the library; saving updates it.</source>
        <translation>此权利已在权利库中；保存将更新它。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="359"/>
        <source>Check each field against the highlighted text, then tick Confirmed.</source>
        <translation>请对照高亮文字核对每个字段，然后勾选“已确认”。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="397"/>
        <source>Confirm or correct every field first.</source>
        <translation>请先确认或更正每个字段。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="429"/>
        <source>Saved %1 in the rights library.</source>
        <translation>已将 %1 保存到权利库。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="434"/>
        <source>Saved %1 in the rights library and added it to case %2.</source>
        <translation>已将 %1 保存到权利库，并添加到案件 %2。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/rights_library.py" line="447"/>
        <source>Added %1 to case %2.</source>
        <translation>已将 %1 添加到案件 %2。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop_app/gui/settings_dialog.py" line="31"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/settings_dialog.py" line="35"/>
        <location filename="../../desktop_app/gui/settings_dialog.py" line="68"/>
        <location filename="../../desktop_app/gui/settings_dialog.py" line="81"/>
        <source>Data directory</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/settings_dialog.py" line="36"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/settings_dialog.py" line="42"/>
        <location filename="../../desktop_app/gui/settings_dialog.py" line="70"/>
        <source>Default identity</source>
        <translation>默认身份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/settings_dialog.py" line="43"/>
        <source>(ask each time)</source>
        <translation>（每次询问）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/settings_dialog.py" line="53"/>
        <location filename="../../desktop_app/gui/settings_dialog.py" line="71"/>
        <source>OCR languages</source>
        <translation>识别语言</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/settings_dialog.py" line="59"/>
        <source>One model reads Simplified Chinese and English (and other Latin-script text).</source>
        <translation>同一模型可识别简体中文和英文（及其他拉丁字母文字）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/settings_dialog.py" line="62"/>
        <location filename="../../desktop_app/gui/settings_dialog.py" line="72"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/settings_dialog.py" line="66"/>
        <source>A new data directory is used from the next start.</source>
        <translation>新的数据目录将在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../desktop_app/gui/start_page.py" line="20"/>
        <source>Welcome to Evidence Desk</source>
        <translation>欢迎使用 Evidence Desk</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/start_page.py" line="27"/>
        <source>Prepare an IP takedown complaint: attach the trademark certificate and screenshots of the listing, let the checks show what the evidence proves, then export a signed package. Select a case in the list, or start here:</source>
        <translation>准备知识产权侵权投诉：附上商标注册证和商品页面截图，由检查说明证据能证明什么，然后导出已签名的文件包。请在列表中选择案件，或从这里开始：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/start_page.py" line="38"/>
        <source>Open the demo case</source>
        <translation>打开示例案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/start_page.py" line="38"/>
        <source>A complete example case to explore</source>
        <translation>一个可供浏览的完整示例案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/start_page.py" line="39"/>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/start_page.py" line="39"/>
        <source>Start an empty case (Ctrl+N)</source>
        <translation>新建空白案件（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/start_page.py" line="40"/>
        <source>Import case folders…</source>
        <translation>导入案件文件夹…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/start_page.py" line="40"/>
        <source>Folders holding a case.toml</source>
        <translation>包含 case.toml 的文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/start_page.py" line="41"/>
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/start_page.py" line="41"/>
        <source>How the workflow goes and what each finding means</source>
        <translation>工作流程及各项检查结果的含义</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="31"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="32"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="33"/>
        <source>Not ready</source>
        <translation>未就绪</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="34"/>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="35"/>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="36"/>
        <source>Accepted</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/models.py" line="37"/>
        <source>Declined</source>
        <translation>已驳回</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="35"/>
        <source>Verify package</source>
        <translation>验证文件包</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="38"/>
        <source>Package file</source>
        <translation>文件包</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="39"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="42"/>
        <source>Expected signer fingerprint</source>
        <translation>预期签名者指纹</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="43"/>
        <source>Expected signer fingerprint (optional)</source>
        <translation>预期签名者指纹（可选）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="44"/>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="136"/>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="46"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="69"/>
        <source>Files in the package</source>
        <translation>文件包中的文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="70"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="70"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="99"/>
        <source>Open package</source>
        <translation>打开文件包</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="99"/>
        <source>Submission package (*.zip)</source>
        <translation>提交文件包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="108"/>
        <source>Choose a package file first.</source>
        <translation>请先选择文件包。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="133"/>
        <source>Verifying…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="140"/>
        <source>Verification cancelled.</source>
        <translation>验证已取消。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="150"/>
        <source>INVALID — do not rely on this package.</source>
        <translation>无效 — 请勿依赖此文件包。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="153"/>
        <source>VALID — files intact, signature valid, signer trusted.</source>
        <translation>有效 — 文件完整，签名有效，签名者可信。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="156"/>
        <source>VALID — files intact and signature valid; signer not established.</source>
        <translation>有效 — 文件完整，签名有效；签名者身份未确认。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="161"/>
        <source>Files intact: yes — all %1 files match the signed manifests.</source>
        <translation>文件完整：是 — 全部 %1 个文件与已签名清单一致。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="166"/>
        <source>Files intact: NO — %1 of %2 files fail (listed below).</source>
        <translation>文件完整：否 — %2 个文件中有 %1 个未通过（见下方列表）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="177"/>
        <source>Signature valid: yes — made with a certificate naming %1 (SHA-256 %2); signing time asserted by the signer: %3.</source>
        <translation>签名有效：是 — 使用载明 %1 的证书签署（SHA-256 %2）；签名者声明的签名时间：%3。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="181"/>
        <source>Signature valid: NO — %4</source>
        <translation>签名有效：否 — %4</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="190"/>
        <source>Signer trusted: yes — %1.</source>
        <translation>签名者可信：是 — %1。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="192"/>
        <source>Signer trusted: no — %1.</source>
        <translation>签名者可信：否 — %1。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="195"/>
        <source>Signer trusted: no — signer not established (self-signed / no trust given). Type the signer&apos;s fingerprint above or add trusted certificates in Settings.</source>
        <translation>签名者可信：否 — 签名者身份未确认（自签名/未授予信任）。请在上方输入签名者指纹，或在“设置”中添加受信任的证书。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="204"/>
        <source>Note: %1.</source>
        <translation>注意：%1。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/verify_dialog.py" line="209"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
</context>
</TS>
