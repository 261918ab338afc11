export default {
  title: "客户分层工作台",
  root: "src",
  globalStylesheets: [],
  search: false,
  pager: false,
};
