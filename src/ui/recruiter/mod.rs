//! The recruiter's pages: the campaign list, the new-campaign form, a campaign's page, the
//! session analysis, a candidate's results and compatibility picture, the comparison of
//! candidates, the decision and its report, the role library and the settings; personal
//! data (a campaign's card, the erasure of a person, the overdue data, the organisation and
//! the information notice).

pub mod campaign_page;
pub mod campaign_table;
pub mod compare;
pub mod compatibility;
pub mod controller_form;
pub mod debrief_section;
pub mod decision_record;
pub mod decision_section;
pub mod erase_everywhere;
pub mod erase_person;
pub mod fieldwork_section;
pub mod home;
pub mod import_history;
pub mod invitation_tools;
pub mod new_campaign;
pub mod notice;
pub mod overdue;
pub mod privacy_section;
pub mod report;
pub mod results;
pub mod roles;
pub mod section_nav;
pub mod session_analysis;
pub mod settings;
pub mod survey_section;
