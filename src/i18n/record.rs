//! Names of the record's values: kinds, standings, statuses, outcomes, rules, and the findings of
//! checking a file.

use super::Tr;
use crate::domain::agenda::StageKind;
use crate::domain::rules::{Outcome, Rule, VoteError, VoteMethod};
use crate::domain::{
    AttendanceStatus, CommitteeRole, ExclusionCategory, ExcuseReason, ItemSource, ItemStage,
    ItemType, MeetingKind, Opinion, Standing,
};
use crate::minutes::check::Problem;

impl Tr {
    #[must_use]
    pub fn kind(self, k: MeetingKind) -> &'static str {
        match k {
            MeetingKind::ThemedDay => self.pick("支部主题党日", "Themed party day"),
            MeetingKind::GeneralAssembly => self.pick("支部党员大会", "General assembly"),
            MeetingKind::Committee => self.pick("支部委员会会议", "Committee meeting"),
            MeetingKind::Group => self.pick("党小组会", "Party group meeting"),
            MeetingKind::Lecture => self.pick("党课", "Party lecture"),
            MeetingKind::LifeMeeting => self.pick("组织生活会", "Organisational life meeting"),
        }
    }

    #[must_use]
    /// Short kind names for table columns.
    pub fn kind_short(self, k: MeetingKind) -> &'static str {
        match k {
            MeetingKind::ThemedDay => self.pick("主题党日", "Themed day"),
            MeetingKind::GeneralAssembly => self.pick("党员大会", "Assembly"),
            MeetingKind::Committee => self.pick("支委会", "Committee"),
            MeetingKind::Group => self.pick("党小组会", "Group"),
            MeetingKind::Lecture => self.pick("党课", "Lecture"),
            MeetingKind::LifeMeeting => self.pick("组织生活会", "Life meeting"),
        }
    }

    pub fn standing(self, s: Standing) -> &'static str {
        match s {
            Standing::Full => self.pick("正式党员", "full"),
            Standing::Probationary => self.pick("预备党员", "probationary"),
            Standing::Observation => self.pick("留党察看", "observation"),
            Standing::Suspended => self.pick("权利中止", "suspended"),
        }
    }

    #[must_use]
    pub fn committee_role(self, r: CommitteeRole) -> &'static str {
        match r {
            CommitteeRole::Secretary => self.pick("书记", "secretary"),
            CommitteeRole::DeputySecretary => self.pick("副书记", "deputy secretary"),
            CommitteeRole::Organization => self.pick("组织委员", "organisation"),
            CommitteeRole::Propaganda => self.pick("宣传委员", "propaganda"),
            CommitteeRole::Discipline => self.pick("纪检委员", "discipline"),
            CommitteeRole::Member => self.pick("委员", "committee member"),
        }
    }

    #[must_use]
    pub fn exclusion(self, c: ExclusionCategory) -> &'static str {
        match c {
            ExclusionCategory::Illness => self.pick(
                "因病不能表达本人意志",
                "illness preventing expression of will",
            ),
            ExclusionCategory::AbroadPrivate => {
                self.pick("自费出国半年以上", "abroad at own expense 6+ months")
            }
            ExclusionCategory::ServingSentence => self.pick("正在服刑", "serving a sentence"),
            ExclusionCategory::Bedridden => self.pick(
                "年老体弱卧床不起或长期不能自理",
                "bedridden or unable to care for oneself",
            ),
            ExclusionCategory::AwayWorkStudy => self.pick(
                "外出工作学习六个月以上且组织关系未转移",
                "away 6+ months for work or study, relations not moved",
            ),
        }
    }

    #[must_use]
    pub fn status(self, s: AttendanceStatus) -> &'static str {
        match s {
            AttendanceStatus::Present => self.pick("出席", "present"),
            AttendanceStatus::Late => self.pick("迟到", "late"),
            AttendanceStatus::Excused => self.pick("请假", "excused"),
            AttendanceStatus::Absent => self.pick("缺席", "absent"),
        }
    }

    #[must_use]
    pub fn excuse(self, r: ExcuseReason) -> &'static str {
        match r {
            ExcuseReason::Sick => self.pick("病假", "sick leave"),
            ExcuseReason::Personal => self.pick("事假", "personal leave"),
            ExcuseReason::Travel => self.pick("出差/学习培训", "travel or training"),
            ExcuseReason::Other => self.pick("其他", "other"),
        }
    }

    #[must_use]
    pub fn item_type(self, t: ItemType) -> &'static str {
        match t {
            ItemType::Ordinary => self.pick("一般事项", "ordinary decision"),
            ItemType::Admission => self.pick("接收预备党员", "admission of a probationary member"),
            ItemType::FullMembership => self.pick("预备党员转正", "full membership"),
            ItemType::ProbationExtension => self.pick("延长预备期", "extension of probation"),
            ItemType::ProbationCancellation => {
                self.pick("取消预备党员资格", "cancellation of probation")
            }
            ItemType::Activist => self.pick("确定入党积极分子", "naming an activist"),
            ItemType::DevelopmentCandidate => {
                self.pick("确定发展对象", "naming a candidate for development")
            }
            ItemType::Discipline => self.pick("党纪处分", "disciplinary sanction"),
            ItemType::Appraisal => self.pick("民主评议党员", "democratic appraisal of a member"),
        }
    }

    #[must_use]
    pub fn item_stage(self, s: ItemStage) -> &'static str {
        match s {
            ItemStage::Proposal => self.pick("党组织提议", "Party organisation proposes"),
            ItemStage::Consultation => self.pick("两委商议", "two committees consult"),
            ItemStage::AssemblyReview => {
                self.pick("党员大会审议", "Party members' assembly reviews")
            }
            // 四议两公开 in a 村 ends with the 村民（代表）会议, in a 社区 with the 居民（代表）会议.
            ItemStage::ResidentsResolution => self.pick(
                "村（居）民（代表）会议决议",
                "villagers' or residents' (representatives') meeting resolves",
            ),
            ItemStage::DecisionPublished => self.pick("决议公开", "decision published"),
            ItemStage::ResultPublished => self.pick("实施结果公开", "result published"),
        }
    }

    #[must_use]
    pub fn item_source(self, s: ItemSource) -> &'static str {
        match s {
            ItemSource::MembersSuggestion => self.pick("党员建议", "members' suggestion"),
            ItemSource::ResidentsSuggestion => self.pick("群众建议", "residents' suggestion"),
            ItemSource::CadresProposal => self.pick("干部提出", "cadres' proposal"),
            ItemSource::SuperiorAssignment => self.pick("上级交办", "superior's assignment"),
            ItemSource::Other => self.pick("其他", "other"),
        }
    }

    #[must_use]
    pub fn method(self, m: VoteMethod) -> &'static str {
        match m {
            VoteMethod::ShowOfHands => self.pick("举手表决", "show of hands"),
            VoteMethod::SecretBallot => self.pick("无记名投票", "secret ballot"),
            VoteMethod::Voice => self.pick("口头表决", "voice vote"),
            VoteMethod::RollCall => self.pick("记名表决", "roll call"),
        }
    }

    #[must_use]
    pub fn outcome(self, o: Outcome) -> &'static str {
        match o {
            Outcome::Passed => self.pick("通过", "passed"),
            Outcome::Failed => self.pick("未通过", "failed"),
            Outcome::NoQuorum => self.pick("不足法定人数", "no quorum"),
            Outcome::Deferred => self.pick("暂缓表决", "deferred"),
        }
    }

    #[must_use]
    pub fn opinion(self, o: Opinion) -> &'static str {
        match o {
            Opinion::Yes => self.pick("同意", "yes"),
            Opinion::No => self.pick("不同意", "no"),
            Opinion::Abstain => self.pick("弃权", "abstain"),
        }
    }

    #[must_use]
    pub fn rule(self, r: Rule) -> String {
        let text = match r {
            Rule::AssemblyOrdinary => self.pick(
                "党员大会：到会有表决权党员超过应到半数，赞成超过应到有表决权党员半数",
                "Assembly: quorum when more than half of the expected entitled voters attend; passes when yes exceeds half of the expected entitled voters",
            ),
            Rule::CommitteeOrdinary => self.pick(
                "支委会：到会委员超过半数，赞成超过委员半数",
                "Committee: quorum when more than half of the committee attends; passes when yes exceeds half of the committee",
            ),
            Rule::Membership => self.pick(
                "发展党员：无记名投票，赞成（含书面意见）超过应到有表决权党员半数",
                "Membership: secret ballot; passes when yes (with written opinions) exceeds half of the expected entitled voters",
            ),
        };
        self.pick(
            format!("{text}（{}）", r.citation()),
            format!("{text} ({})", r.citation()),
        )
    }

    /// The separator between a label and its value.
    #[must_use]
    pub fn colon(self) -> &'static str {
        self.pick("：", ": ")
    }

    #[must_use]
    pub fn stage_kind(self, k: StageKind) -> &'static str {
        match k {
            StageKind::CheckIn => self.pick("签到", "check-in"),
            StageKind::Study => self.pick("学习", "study"),
            StageKind::Items => self.pick("议题", "items"),
            StageKind::Activity => self.pick("活动", "activity"),
            StageKind::WrapUp => self.pick("总结", "wrap-up"),
        }
    }

    #[must_use]
    pub fn vote_error(self, e: &VoteError) -> String {
        match e {
            VoteError::CountsExceedPresent { total, present } => self.pick(
                format!("赞成、反对、弃权合计 {total}，超过到会有表决权党员 {present} 人"),
                format!("yes + no + abstain = {total} exceeds the {present} entitled voters present"),
            ),
            VoteError::SecretBallotRequired => self.pick(
                "发展党员事项须采用无记名投票（细则 第二十条）".to_owned(),
                "a membership decision must be taken by secret ballot (细则 第二十条)".to_owned(),
            ),
            VoteError::WrittenNotAllowed => self.pick(
                "只有发展党员事项计入书面意见".to_owned(),
                "written opinions count only for membership decisions".to_owned(),
            ),
            VoteError::WrittenFromIneligible(n) => self.pick(
                format!("{n} 不是缺席的正式党员，其书面意见不能计入"),
                format!("written opinion from {n}, who is not an absent full member"),
            ),
            VoteError::WrittenDuplicate(n) => self.pick(
                format!("{n} 有两份书面意见"),
                format!("two written opinions from {n}"),
            ),
            VoteError::DisciplineNeedsAssembly => self.pick(
                "党纪处分须由支部党员大会讨论决定（党章 第四十条）".to_owned(),
                "a disciplinary sanction is decided by the general assembly, not the committee (党章 第四十条)".to_owned(),
            ),
            VoteError::AppraisalIsNotVoted => self.pick(
                "民主评议党员不进行表决：记录测评结果和支部评定的等次".to_owned(),
                "a democratic appraisal is not voted: record the assessment and the grade the branch settles".to_owned(),
            ),
            VoteError::MembershipNeedsAssembly => self.pick(
                "发展党员事项须由支部党员大会讨论表决（细则 第二十条）".to_owned(),
                "membership decisions are taken by the general assembly, not the committee (细则 第二十条)".to_owned(),
            ),
            VoteError::BallotsWithoutSecretBallot => self.pick(
                "只有无记名投票才有选票统计".to_owned(),
                "a ballot tally belongs to a secret ballot".to_owned(),
            ),
            VoteError::IssuedExceedsPresent { issued, present } => self.pick(
                format!("发出选票 {issued} 张，多于到会有表决权党员 {present} 人"),
                format!("{issued} ballots issued to {present} entitled voters present"),
            ),
            VoteError::ReturnedExceedsIssued { returned, issued } => self.pick(
                format!("收回选票 {returned} 张，多于发出的 {issued} 张：此次投票无效，应重新投票"),
                format!("{returned} ballots returned of {issued} issued: the ballot is void and must be held again"),
            ),
            VoteError::ReturnedMismatch {
                returned,
                valid,
                invalid,
            } => self.pick(
                format!("有效票 {valid} 张加无效票 {invalid} 张，不等于收回的 {returned} 张"),
                format!("{valid} valid + {invalid} invalid ballots is not the {returned} returned"),
            ),
            VoteError::ValidMismatch { counted, valid } => self.pick(
                format!("赞成、反对、弃权合计 {counted}，不等于有效票 {valid} 张"),
                format!("yes + no + abstain = {counted} is not the {valid} valid ballots"),
            ),
        }
    }

    /// One finding of a check, in one line.
    #[must_use]
    pub fn problem(self, p: &Problem) -> String {
        let z = self.is_zh();
        let pick = |zh: String, en: String| if z { zh } else { en };
        match p {
            Problem::TooLarge { bytes } => pick(
                format!("文件有 {bytes} 字节，超过 16 MiB 上限；会议记录文件不应这么大"),
                format!(
                    "file is {bytes} bytes, over the 16 MiB limit; minutes files are never this large"
                ),
            ),
            Problem::NotUtf8 { line, column } => pick(
                format!("第 {line} 行第 {column} 列不是 UTF-8 编码；请以 UTF-8 保存"),
                format!("not UTF-8 at line {line} column {column}; save the file as UTF-8"),
            ),
            Problem::Syntax {
                line,
                column,
                message,
            } => pick(
                format!(
                    "第 {line} 行第 {column} 列 JSON 语法错误：{}",
                    super::serde_zh::serde_zh(message)
                ),
                format!("JSON syntax error at line {line} column {column}: {message}"),
            ),
            Problem::NotAnObject => pick(
                "顶层不是 JSON 对象，不是会议记录文件".into(),
                "the top level is not a JSON object; this is not a minutes file".into(),
            ),
            Problem::WrongFormat { found } => pick(
                format!("format 应为 \"branchday.minutes\"，实为 {found}；这不是会议记录文件"),
                format!(
                    "format should be \"branchday.minutes\", found {found}; this is not a minutes file"
                ),
            ),
            Problem::UnsupportedVersion { found } => pick(
                format!(
                    "不支持的版本 {found}；本程序读取第 {} 版",
                    versions(self.pick("、", ", "))
                ),
                format!(
                    "unsupported version {found}; this program reads version {}",
                    versions(self.pick("、", ", "))
                ),
            ),
            Problem::Schema { path, message } => pick(
                format!(
                    "字段 {path} 不符合格式：{}",
                    super::serde_zh::serde_zh(message)
                ),
                format!("field {path} does not fit the format: {message}"),
            ),
            Problem::NotCanonicalizable { message } => pick(
                format!("无法计算规范摘要：{message}"),
                format!("cannot compute the canonical digest: {message}"),
            ),
            Problem::UnknownIntegrity => pick(
                "integrity 应为 sha256 + RFC8785".into(),
                "integrity must be sha256 with RFC8785".into(),
            ),
            Problem::DigestMismatch { recorded, computed } => pick(
                format!("摘要不符：文件记录 {recorded}，内容计算为 {computed}；文件在定稿后被改动"),
                format!(
                    "digest mismatch: recorded {recorded}, content gives {computed}; the file was changed after it was finalized"
                ),
            ),
            Problem::DuplicateMember { id } => pick(
                format!("出勤名单中党员 {id} 出现两次"),
                format!("member {id} appears twice in the attendance list"),
            ),
            Problem::EndsBeforeStart => pick(
                "结束时间早于开始时间".into(),
                "the meeting ends before it starts".into(),
            ),
            Problem::CountMismatch {
                field,
                recorded,
                computed,
            } => pick(
                format!("counts.{field} 记为 {recorded}，出勤名单计算为 {computed}"),
                format!("counts.{field} is {recorded} but the attendance list gives {computed}"),
            ),
            Problem::ExclusionInconsistent { name } => pick(
                format!("{name}：不计入应到会须注明类别和批准文号，计入者不应有此项"),
                format!(
                    "{name}: a member left out of expected attendance needs a category and approval, and only then"
                ),
            ),
            Problem::ExclusionWithoutApproval { name } => pick(
                format!(
                    "{name}：不计入应到会，但未注明上级批准文号；请补上批准文号，或将其计入应到会"
                ),
                format!(
                    "{name}: left out of expected attendance without an approval reference; add the superior organisation's reference or count the member"
                ),
            ),
            Problem::FrozenSettingsDiffer {
                item,
                setting,
                recorded,
                declared,
            } => pick(
                format!(
                    "议题 {item}：表决时采用的 {setting} 为 {recorded}，与本记录声明（按规则应为 {declared}）不符"
                ),
                format!(
                    "item {item}: the vote was judged with {setting} = {recorded}, but the record's settings (as the rule applies them) say {declared}"
                ),
            ),
            Problem::VoteInKindWithoutVotes { item } => pick(
                format!("议题 {item}：此类会议不进行表决"),
                format!("item {item}: this kind of meeting holds no votes"),
            ),
            Problem::VoteBodyWrong { item } => pick(
                format!("议题 {item}：表决机构与会议类型不符"),
                format!("item {item}: the voting body does not match the meeting kind"),
            ),
            Problem::VoteRejected { item, error } => pick(
                format!("议题 {item}：{}", self.vote_error(error)),
                format!("item {item}: {}", self.vote_error(error)),
            ),
            Problem::NotSecretBallot { item } => pick(
                format!("议题 {item}：发展党员事项未采用无记名投票（细则 第二十条）"),
                format!(
                    "item {item}: a membership decision not taken by secret ballot (细则 第二十条)"
                ),
            ),
            Problem::RuleMismatch {
                item,
                recorded,
                expected,
            } => pick(
                format!("议题 {item}：记录的规则 {recorded} 与应适用的规则 {expected} 不符"),
                format!("item {item}: recorded rule {recorded}, but {expected} applies"),
            ),
            Problem::ExpectedMismatch {
                item,
                recorded,
                computed,
            } => pick(
                format!("议题 {item}：应到有表决权党员记为 {recorded}，出勤名单为 {computed}"),
                format!(
                    "item {item}: entitled voters expected is {recorded} but the attendance list gives {computed}"
                ),
            ),
            Problem::PresentExceedsCheckIns {
                item,
                recorded,
                computed,
            } => pick(
                format!(
                    "议题 {item}：到会有表决权党员记为 {recorded}，表决前签到的只有 {computed}"
                ),
                format!(
                    "item {item}: entitled voters present is {recorded} but only {computed} had checked in before the vote"
                ),
            ),
            Problem::PresentBelowCheckIns {
                item,
                recorded,
                computed,
            } => pick(
                format!(
                    "议题 {item}：到会有表决权党员记为 {recorded}，少于表决前签到的 {computed}（有人提前离场？）"
                ),
                format!(
                    "item {item}: entitled voters present is {recorded}, fewer than the {computed} checked in before the vote (did someone leave?)"
                ),
            ),
            Problem::WrittenFromPresent { item, name } => pick(
                format!("议题 {item}：{name} 到会，其书面意见不应计入"),
                format!("item {item}: {name} attended, so a written opinion must not count"),
            ),
            Problem::QuorumMismatch {
                item,
                recorded,
                computed,
            } => pick(
                format!("议题 {item}：记录的法定人数结论 {recorded} 与规则计算 {computed} 不符"),
                format!("item {item}: quorum recorded as {recorded}, the rule gives {computed}"),
            ),
            Problem::ThresholdMismatch {
                item,
                recorded,
                computed,
            } => pick(
                format!("议题 {item}：通过所需赞成票记为 {recorded}，规则为 {computed}"),
                format!(
                    "item {item}: yes votes needed recorded as {recorded}, the rule gives {computed}"
                ),
            ),
            Problem::OutcomeContradicts {
                item,
                recorded,
                computed,
            } => pick(
                format!(
                    "议题 {item}：记录结果为“{}”，按规则应为“{}”",
                    self.outcome(*recorded),
                    self.outcome(*computed)
                ),
                format!(
                    "item {item}: outcome recorded as {}, the rule gives {}",
                    self.outcome(*recorded),
                    self.outcome(*computed)
                ),
            ),
            Problem::ActionItemMissing { action, item } => pick(
                format!("待办 {action} 指向不存在的议题 {item}"),
                format!("action {action} refers to item {item}, which does not exist"),
            ),
            Problem::MissingPlace => pick("缺少会议地点".into(), "no place recorded".into()),
            Problem::MissingChair => pick("缺少主持人".into(), "no chair recorded".into()),
            Problem::MissingRecorder => pick("缺少记录人".into(), "no recorder recorded".into()),
            Problem::NoAgenda => pick("缺少会议议程".into(), "no agenda recorded".into()),
            Problem::NoAttendance => {
                pick("出勤名单为空".into(), "the attendance list is empty".into())
            }
            Problem::ExcusedWithoutReason { name } => pick(
                format!("{name} 请假但未注明原因"),
                format!("{name} is excused without a reason"),
            ),
            Problem::AbsentWithoutReason { name } => pick(
                format!("{name} 缺席，未注明原因"),
                format!("{name} is absent with no reason noted"),
            ),
            Problem::DecisionWithoutFollowUp { item } => pick(
                format!("议题 {item} 已通过，但没有落实人和期限"),
                format!("item {item} passed but has no follow-up owner and date"),
            ),
            Problem::V2FieldInV1 { field } => pick(
                format!("{field} 是第 2 版格式才有的字段，而文件自称第 1 版；文件被改动过"),
                format!("{field} belongs to format version 2, but the file says version 1; it was edited"),
            ),
            Problem::Unsigned => pick(
                "未签名：无法确认来自哪个支部（第 2 版记录应有支部签名）".into(),
                "unsigned: nothing says which branch it came from (version 2 records carry the branch's signature)".into(),
            ),
            Problem::BadSignature(p) => self.signature_problem(p),
            Problem::UnknownSigner { fingerprint } => pick(
                format!("已签名（密钥 {fingerprint}），但未核对签名人；请加 --trust 信任名单文件（或设 BRANCHDAY_TRUST）"),
                format!("signed by key {fingerprint}, but the signer was not checked; add --trust FILE (an allowed_signers keyring) or set BRANCHDAY_TRUST"),
            ),
            Problem::UntrustedSigner { fingerprint, branch } => pick(
                format!("签名密钥 {fingerprint} 不在信任名单中支部 {branch} 的密钥之列；记录可能不是该支部所出"),
                format!("the signing key {fingerprint} is not listed for branch {branch} in the keyring; the record may not come from that branch"),
            ),
            Problem::SignerOutsideValidity { fingerprint, line } => pick(
                format!("签名密钥 {fingerprint} 在定稿时不在信任名单第 {line} 行所写的有效期内"),
                format!("the signing key {fingerprint} was outside the validity the keyring gives it (line {line}) when the record was finalized"),
            ),
            Problem::UnsignedUnderTrust => pick(
                "未签名：核对信任名单时，第 2 版记录必须有支部签名".into(),
                "unsigned: under --trust a version 2 record must carry its branch's signature".into(),
            ),
            Problem::StandingRoundWrong { item } => pick(
                format!("议题 {item}：vote 应为最后一轮未作废的表决"),
                format!("item {item}: vote must be the last round that was not annulled"),
            ),
            Problem::AnnulledWithoutReason { item, round } => pick(
                format!("议题 {item}：第 {round} 轮表决作废，但没有写明原因"),
                format!("item {item}: round {round} is annulled without a reason"),
            ),
            Problem::RoundsOutOfOrder { item } => pick(
                format!("议题 {item}：各轮表决的时间先后不对"),
                format!("item {item}: the rounds are not in the order they closed"),
            ),
            Problem::LeftInconsistent { name } => pick(
                format!("{name}：早退时间与出勤不符（未到会、早于签到或晚于散会）"),
                format!("{name}: the time of leaving does not fit (not attending, before arriving, or after the end)"),
            ),
            Problem::LeftWithoutReason { name } => pick(
                format!("{name}：早退，未写明原因"),
                format!("{name}: left early without a reason"),
            ),
            Problem::DeferredWithCounts { item } => pick(
                format!("议题 {item}：暂缓表决不是表决，不应记录票数"),
                format!("item {item}: a deferral is not a vote and records no counts"),
            ),
            Problem::DeferredWithoutReason { item } => pick(
                format!("议题 {item}：暂缓表决应写明原因"),
                format!("item {item}: a deferral needs its reason"),
            ),
            Problem::AppraisalVoted { item } => pick(
                format!("议题 {item}：民主评议党员不进行表决，只记录测评结果和评定等次"),
                format!("item {item}: a democratic appraisal is not voted; it records the assessment and the grade"),
            ),
            Problem::GradeWithoutAppraisal { item } => pick(
                format!("议题 {item}：不是民主评议党员，却记有评定等次"),
                format!("item {item}: a grade on an item that is not a democratic appraisal"),
            ),
            Problem::BallotsMissing { item } => pick(
                format!("议题 {item}：无记名投票未记录发出、收回、有效、无效票数"),
                format!("item {item}: a secret ballot without ballots issued, returned, valid and invalid"),
            ),
            Problem::NoScrutineer { item } => pick(
                format!("议题 {item}：无记名投票未记录监票人或计票人"),
                format!("item {item}: a secret ballot without its scrutineers or counters"),
            ),
            Problem::DuplicateCopy { of } => pick(
                format!("与 {of} 是同一份记录（编号和内容相同）：统计和报送只算一次"),
                format!("the same record as {of} (same id, same content): counted and sent once"),
            ),
            Problem::IdConflict { with } => pick(
                format!("冲突：与 {with} 编号相同但内容不同；请向报送单位核实哪一份为准"),
                format!("conflict: the same id as {with} with different content; ask the branch which one stands"),
            ),
            Problem::CorrectionWithoutReason => pick(
                "更正件未写明更正原因".into(),
                "a correction without its reason".into(),
            ),
        }
    }

    #[must_use]
    pub fn severity(self, s: crate::minutes::Severity) -> &'static str {
        match s {
            crate::minutes::Severity::Error => self.pick("错误", "error"),
            crate::minutes::Severity::Warning => self.pick("警告", "warning"),
        }
    }
}

/// The format versions this program reads, joined by `sep`.
fn versions(sep: &str) -> String {
    crate::minutes::VERSIONS
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(sep)
}
