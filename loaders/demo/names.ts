// Common Chinese surnames and given-name characters, so names look like a real
// client list (and an anonymiser cannot get away with a naive pattern).

import type {Random} from "./random.js";

const surnames = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"];
// Rough frequency: the first surnames are far more common.
const surnameWeights = surnames.map((_, i) => 1 / (i + 8));

const maleCharacters = [..."伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘"];
const femaleCharacters = [..."秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽"];

export function personName(random: Random, gender: "M" | "F"): string {
  const pool = gender === "M" ? maleCharacters : femaleCharacters;
  const surname = random.weighted(surnames, surnameWeights);
  return surname + random.pick(pool) + (random.chance(0.75) ? random.pick(pool) : "");
}

const brandCharacters = [..."华盛泰恒信达鑫隆兴宏嘉源丰瑞通和安中金海天新远创联康润祥福永昌万宝益德明"];

export function brandName(random: Random): string {
  return random.pick(brandCharacters) + random.pick(brandCharacters);
}
