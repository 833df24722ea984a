// Rally's bench (bench/pages.mjs): SurveyJS 2.5.38 — survey-core + survey-js-ui from the npm
// packages, nothing else — rendering one page of 8 Likert items (a radio group of 5 labelled
// choices each), the shape of one page of Rally's questionnaires.
'use strict';

const LABELS = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];
const ITEMS = [
  'I notice quickly when someone in a meeting disagrees without saying so.',
  'I can tell what matters to a colleague before they say it.',
  'I adapt the way I explain things to the person in front of me.',
  'I ask questions to understand a point of view I do not share.',
  'I can disagree openly while keeping a good working relationship.',
  'I give people room to finish their thought before I answer.',
  'I can say what someone has just told me in my own words.',
  'I seek out people whose way of working differs from mine.',
];

const json = {
  title: 'Interpersonal intelligence',
  description: 'Page 1 of 5',
  pages: [{
    name: 'page1',
    elements: ITEMS.map((title, i) => ({
      type: 'radiogroup',
      name: `q${i + 1}`,
      title,
      isRequired: false,
      colCount: 5,
      choices: LABELS.map((text, k) => ({ value: k + 1, text })),
    })),
  }],
  showQuestionNumbers: 'on',
};

const survey = new Survey.Model(json);
SurveyUI.renderSurvey(survey, document.getElementById('survey'));
