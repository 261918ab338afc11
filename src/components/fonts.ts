// The font stack for Chinese text, from fonts already on the reader's machine.
// No web fonts: the site runs on intranets without internet access. The same
// list is in style.css; charts exported as PNG carry it inline.

export const fontStack =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif';
