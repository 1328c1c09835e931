package org.szmark.console;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** The console's wording in Chinese: every message of {@link ConsoleMessages}, checked by ConsoleMessagesTest. */
@Localized("zh-CN")
public interface ConsoleMessagesZh extends ConsoleMessages {

    @Override
    @Message("机构工作台")
    String title();

    @Override
    @Message("概览")
    String navDashboard();

    @Override
    @Message("证书")
    String navCertificates();

    @Override
    @Message("颁发证书")
    String navIssue();

    @Override
    @Message("批量导入")
    String navImport();

    @Override
    @Message("监督审核")
    String navAudits();

    @Override
    @Message("账户")
    String navAccount();

    @Override
    @Message("退出")
    String signOut();

    @Override
    @Message("当前用户")
    String signedInAs();

    @Override
    @Message("English")
    String langSwitch();

    @Override
    @Message("证书状态统计")
    String byStatus();

    @Override
    @Message("{days} 天内到期或已逾期的监督审核")
    String auditsDue(Object days);

    @Override
    @Message("已逾期")
    String overdue();

    @Override
    @Message("下次审核截止")
    String nextDue();

    @Override
    @Message("上次审核")
    String lastAudit();

    @Override
    @Message("审核次数")
    String audits();

    @Override
    @Message("{days} 天内到期的暂停")
    String suspensionsEnding(Object days);

    @Override
    @Message("暂停期满但未恢复")
    String suspensionsEnded();

    @Override
    @Message("暂停至")
    String suspendedUntil();

    @Override
    @Message("起始")
    String since();

    @Override
    @Message("无。")
    String none();

    @Override
    @Message("认证规则建议的处理")
    String offered();

    @Override
    @Message("以下处理不会自动执行。勾选需要处理的证书后提交：每一项在执行时会重新核对，并签名、记入公开日志。")
    String offeredHelp();

    @Override
    @Message("暂停：监督审核逾期")
    String offerSuspend();

    @Override
    @Message("撤销：暂停期满未恢复")
    String offerRevoke();

    @Override
    @Message("执行勾选的处理")
    String apply();

    @Override
    @Message("写入签名事件的说明（可选）")
    String reasonTextOptional();

    @Override
    @Message("已执行")
    String applied();

    @Override
    @Message("已跳过（已不符合条件）")
    String skipped();

    @Override
    @Message("被拒绝")
    String refusedCount();

    @Override
    @Message("处理结果")
    String actionsResult();

    @Override
    @Message("返回概览")
    String backToDashboard();

    @Override
    @Message("证书编号")
    String number();

    @Override
    @Message("状态")
    String status();

    @Override
    @Message("获证企业")
    String holder();

    @Override
    @Message("产品")
    String product();

    @Override
    @Message("型号")
    String model();

    @Override
    @Message("标准")
    String standard();

    @Override
    @Message("颁证日期")
    String issueDate();

    @Override
    @Message("有效期至")
    String expiryDate();

    @Override
    @Message("搜索")
    String search();

    @Override
    @Message("证书编号、企业、信用代码、产品或型号")
    String searchPlaceholder();

    @Override
    @Message("全部状态")
    String anyStatus();

    @Override
    @Message("我颁发的")
    String mine();

    @Override
    @Message("导出 CSV")
    String exportCsv();

    @Override
    @Message("共 {count} 张证书")
    String total(Object count);

    @Override
    @Message("上一页")
    String previous();

    @Override
    @Message("下一页")
    String next();

    @Override
    @Message("证书")
    String certificate();

    @Override
    @Message("签名历史")
    String history();

    @Override
    @Message("事件")
    String event();

    @Override
    @Message("原因")
    String reason();

    @Override
    @Message("记录时间")
    String recorded();

    @Override
    @Message("日志序号")
    String logIndex();

    @Override
    @Message("签名事件")
    String signedEvent();

    @Override
    @Message("此变更已用贵机构密钥签名，为公开日志第 {index} 条。")
    String signedEventHelp(Object index);

    @Override
    @Message("此变更已用贵机构密钥签名并记入公开日志。")
    String signedEventPending();

    @Override
    @Message("密钥")
    String keyId();

    @Override
    @Message("签名内容")
    String payload();

    @Override
    @Message("签名")
    String signature();

    @Override
    @Message("公开查验页面")
    String verificationPage();

    @Override
    @Message("变更状态")
    String changeStatus();

    @Override
    @Message("换证")
    String renew();

    @Override
    @Message("记录监督审核")
    String recordAudit();

    @Override
    @Message("审核日期")
    String auditedOn();

    @Override
    @Message("结论")
    String result();

    @Override
    @Message("备注")
    String notes();

    @Override
    @Message("保存")
    String save();

    @Override
    @Message("审核已记录。")
    String auditSaved();

    @Override
    @Message("我已了解此变更的后果")
    String confirm();

    @Override
    @Message("签名并记录此变更")
    String doChange();

    @Override
    @Message("原因")
    String reasonPick();

    @Override
    @Message("说明（将显示在查验页面）")
    String reasonExplain();

    @Override
    @Message("暂停截止日期（最迟 {date}）")
    String untilLatest(Object date);

    @Override
    @Message("请更正标记的字段。")
    String formErrors();

    @Override
    @Message("请勾选确认。")
    String errconfirm();

    @Override
    @Message("请选择适用于此变更的原因。")
    String errreasonCode();

    @Override
    @Message("请填写暂停截止日期。")
    String errsuspendedUntil();

    @Override
    @Message("说明含有不允许的字符，或超过 1000 字。")
    String errreasonText();

    @Override
    @Message("表单不完整，请重新打开。")
    String errexpectedSeq();

    @Override
    @Message("表单不完整，请重新打开。")
    String errformKey();

    @Override
    @Message("登记系统拒绝了此操作")
    String refused();

    @Override
    @Message("返回")
    String back();

    @Override
    @Message("颁发证书")
    String issueTitle();

    @Override
    @Message("换发证书 {number}")
    String renewTitle(Object number);

    @Override
    @Message("所有内容取自被换发的证书，只需修改有变化的内容。新证书颁发后，原证书将被替代。")
    String renewHelp();

    @Override
    @Message("获证企业（统一社会信用代码）")
    String holderCode();

    @Override
    @Message("新企业（尚未登记）")
    String newHolder();

    @Override
    @Message("名称（中文）")
    String holderNameZh();

    @Override
    @Message("名称（英文）")
    String holderNameEn();

    @Override
    @Message("地址")
    String holderAddress();

    @Override
    @Message("产品型号")
    String productModel();

    @Override
    @Message("该企业的新产品")
    String newProduct();

    @Override
    @Message("产品名称（中文）")
    String productNameZh();

    @Override
    @Message("产品名称（英文）")
    String productNameEn();

    @Override
    @Message("商标")
    String trademark();

    @Override
    @Message("商品条码 GTIN")
    String gtin();

    @Override
    @Message("选择可认证的标准")
    String pickStandard();

    @Override
    @Message("认证范围")
    String scope();

    @Override
    @Message("认证模式")
    String certificationMode();

    @Override
    @Message("生产场所名称")
    String siteName();

    @Override
    @Message("生产场所地址")
    String siteAddress();

    @Override
    @Message("证书编号（留空由系统编号）")
    String numberOptional();

    @Override
    @Message("留空即为 {date}，即最长有效期（{years} 年减一天）")
    String expiryDefault(Object date, Object years);

    @Override
    @Message("默认为今天")
    String issueDefault();

    @Override
    @Message("签名并颁发")
    String doIssue();

    @Override
    @Message("已颁发并记入公开日志。")
    String issued();

    @Override
    @Message("已记录并记入公开日志。")
    String changed();

    @Override
    @Message("机构状态")
    String bodyStatus();

    @Override
    @Message("{#when code}{#is CORRECTABLE_NONCONFORMITY}存在可整改的不符合{#is MARK_MISUSE}标志使用不当{#is SURVEILLANCE_OVERDUE}监督审核逾期{#is SURVEILLANCE_FAILED}监督审核不通过{#is SPOT_CHECK_FAILED}抽查不合格{#is HOLDER_REQUEST}持证人申请{#is CORRECTION_VERIFIED}整改已验证{#is SUSPENSION_REQUEST_ENDED}持证人申请的暂停结束{#is NOT_CORRECTED}逾期未整改{#is SERIOUS_DEFECT}严重缺陷{#is QUALITY_ACCIDENT}质量事故{#is FRAUD}欺诈{#is PRODUCT_DISCONTINUED}产品停产{#is RULES_NOT_MET}不再符合认证规则{#is RECERTIFIED}已换发新证书{#is OTHER}其他{/when}")
    String reasonLabel(org.szmark.certificate.ReasonCode code);

    @Override
    @Message("{#when status}{#is VALID}有效{#is SUSPENDED}暂停{#is REVOKED}撤销{#is CANCELLED}注销{#is EXPIRED}过期{#else}{status}{/when}")
    String statusLabel(org.szmark.certificate.CertificateStatus status);

    @Override
    @Message("{#when result}{#is PASSED}通过{#is PASSED_WITH_FINDINGS}通过（有整改项）{#is FAILED}不通过{/when}")
    String resultLabel(org.szmark.surveillance.AuditResult result);

    @Override
    @Message("{#when change}{#is ISSUED}颁发{#is SUSPENDED}暂停{#is REINSTATED}恢复{#is REVOKED}撤销{#is CANCELLED}注销{#is SUPERSEDED}被替代{/when}")
    String changeLabel(org.szmark.certificate.StatusChange change);

    @Override
    @Message("{#when change}{#is SUSPENDED}货架上的标签扫码查验将显示“暂停”，直至证书恢复或暂停期满。暂停期间不得使用标志。{#is REINSTATED}标签扫码查验将重新显示“有效”。{#is REVOKED}撤销不可恢复：标签扫码查验将显示“撤销”，不得再使用标志。{#is CANCELLED}注销不可恢复：标签扫码查验将显示“注销”。{/when}")
    String consequence(org.szmark.certificate.StatusChange change);

    @Override
    @Message("批量导入企业、产品和证书")
    String importTitle();

    @Override
    @Message("文件的每一行是一张证书及其企业和产品。建议先试运行：显示每一行的处理结果，不写入任何数据。文件整体导入或整体不导入；重复导入同一文件不会重复创建。")
    String importHelp();

    @Override
    @Message("模板")
    String template();

    @Override
    @Message("CSV（中文表头）")
    String templateZh();

    @Override
    @Message("CSV（英文表头）")
    String templateEn();

    @Override
    @Message("XLSX（含列说明）")
    String templateXlsx();

    @Override
    @Message("文件（CSV 或 XLSX，最多 10000 行）")
    String chooseFile();

    @Override
    @Message("试运行：只显示结果，不写入")
    String dryRun();

    @Override
    @Message("提交文件")
    String startImport();

    @Override
    @Message("最近的导入")
    String recentImports();

    @Override
    @Message("导入 {id}")
    String jobTitle(Object id);

    @Override
    @Message("试运行")
    String jobDryRun();

    @Override
    @Message("状态")
    String jobStatus();

    @Override
    @Message("{#when status}{#is 'QUEUED'}排队中{#is 'RUNNING'}进行中{#is 'SUCCEEDED'}已完成{#is 'REFUSED'}已拒绝{#is 'FAILED'}失败{#else}{status}{/when}")
    String jobStatusLabel(String status);

    @Override
    @Message("{#when outcome}{#is 'CREATED'}新建{#is 'PRESENT'}已存在{#is 'REFUSED'}被拒绝{#else}{outcome}{/when}")
    String outcomeLabel(String outcome);

    @Override
    @Message("已处理 {done} / {total} 行")
    String progress(Object done, Object total);

    @Override
    @Message("新建")
    String created();

    @Override
    @Message("已存在")
    String present();

    @Override
    @Message("拒绝")
    String refusedRows();

    @Override
    @Message("新建企业")
    String holdersCreated();

    @Override
    @Message("新建产品")
    String productsCreated();

    @Override
    @Message("下载错误报告（CSV）")
    String errorReport();

    @Override
    @Message("行")
    String row();

    @Override
    @Message("结果")
    String outcome();

    @Override
    @Message("问题")
    String problems();

    @Override
    @Message("试运行没有发现需拒绝的行。如需导入，请取消“试运行”后重新提交同一文件。")
    String importForReal();

    @Override
    @Message("未写入任何数据。")
    String nothingWritten();

    @Override
    @Message("已写入登记系统。")
    String written();
}
