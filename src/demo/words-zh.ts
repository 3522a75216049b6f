// Chinese word lists for the demo shop (CNY, Asia/Shanghai).
import type { Words } from './words.js';

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗'];
const surnamePinyin = ['wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'he', 'lin', 'gao', 'luo'];
const given = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '婷', '欣怡', '子轩', '浩然', '雨桐', '梓涵', '一诺', '思远'];
const givenPinyin = ['wei', 'fang', 'na', 'min', 'jing', 'li', 'qiang', 'lei', 'yang', 'yan', 'yong', 'jun', 'jie', 'juan', 'tao', 'ming', 'chao', 'xiuying', 'xia', 'ping', 'gang', 'guiying', 'ting', 'xinyi', 'zixuan', 'haoran', 'yutong', 'zihan', 'yinuo', 'siyuan'];

export const wordsZh: Words = {
  shopName: '演示店铺 — 北风优选',
  currency: 'CNY',
  timeZone: 'Asia/Shanghai',
  country: 'CN',
  joiner: '',
  categories: {
    apparel: '服装', hoodies: '卫衣', tshirts: 'T恤', dresses: '连衣裙', jeans: '牛仔裤', jackets: '外套',
    footwear: '鞋靴', sneakers: '运动鞋', boots: '靴子', sandals: '凉鞋', home: '家居', kitchen: '厨房用品',
    bedding: '床上用品', decor: '家居装饰', beauty: '美妆个护', skincare: '护肤', makeup: '彩妆',
    electronics: '数码配件', chargers: '充电器与数据线', cases: '手机壳', headphones: '耳机', toys: '玩具',
    building: '积木拼装', plush: '毛绒玩具',
  },
  nouns: {
    hoodies: ['连帽卫衣', '拉链卫衣', '圆领卫衣', '加绒卫衣'],
    tshirts: ['短袖T恤', '长袖T恤', 'Polo衫', '打底衫'],
    dresses: ['连衣裙', '衬衫裙', '吊带裙', '碎花长裙'],
    jeans: ['牛仔裤', '直筒牛仔裤', '阔腿牛仔裤', '修身牛仔裤'],
    jackets: ['夹克', '羽绒服', '冲锋衣', '牛仔外套', '风衣'],
    sneakers: ['运动鞋', '跑步鞋', '板鞋', '休闲鞋'],
    boots: ['短靴', '马丁靴', '登山靴', '切尔西靴'],
    sandals: ['凉鞋', '拖鞋', '人字拖'],
    kitchen: ['马克杯', '碗碟套装', '厨师刀', '不粘锅', '茶壶', '砧板', '收纳罐'],
    bedding: ['四件套', '被套', '枕套', '毛毯'],
    decor: ['花瓶', '烛台', '挂钟', '相框', '台灯'],
    skincare: ['面霜', '精华液', '洁面乳', '防晒霜', '爽肤水', '眼霜'],
    makeup: ['口红', '粉底液', '睫毛膏', '腮红', '遮瑕膏'],
    chargers: ['快充充电器', 'Type-C数据线', '充电宝', '无线充电器', '车载充电器'],
    cases: ['手机壳', '透明手机壳', '皮套', '防摔手机壳'],
    headphones: ['蓝牙耳机', '头戴式耳机', '运动耳机', '游戏耳机'],
    building: ['积木套装', '拼装模型', '机器人套件', '城堡积木'],
    plush: ['毛绒熊', '毛绒兔', '恐龙公仔', '猫咪抱枕'],
  },
  adjectives: ['经典', '基础款', '日常', '都市', '复古', '高级', '宽松', '简约', '舒适', '北欧', '轻奢', '国潮', '百搭', '休闲', '韩版', '新款', '柔软', '时尚'],
  qualifiers: {
    apparel: ['纯棉', '加绒', '亚麻', '有机棉', '弹力', 'oversize', '修身', '环保'],
    footwear: ['真皮', '麂皮', '帆布', '防水', '轻便', '飞织'],
    fragile: ['陶瓷', '粗陶', '玻璃', '手工', '骨瓷', '大理石'],
    electronics: ['65W', '20W', '磁吸', '编织', '降噪', '无线', '超薄'],
    general: ['补水', '温和', '天然', '豪华', '迷你', '大号', '亚麻', '纯棉'],
  },
  brands: ['北风', '松间', '原木集', '光年', '青禾', '铜巷', '云雀', '橡木', '蓝岸', '花蕨', '铁木', '盐沼', '杜松', '伏特', '童趣坊', '焕颜'],
  tags: ['新品', '爆款', '促销', '环保', '礼品', '夏季', '冬季', '限量', '线上专享', '套装', '纯素', '清仓', '补货', '店长推荐'],
  optionNames: {
    colour: '颜色', size: '尺码', material: '材质', length: '长度', connector: '接口', shade: '色号',
    volume: '容量', bed: '床尺寸',
  },
  values: {
    BLK: '黑色', WHT: '白色', NAV: '藏青', GRY: '灰色', RED: '红色', GRN: '绿色', BEI: '米色', PNK: '粉色',
    BLU: '蓝色', BRN: '棕色', STL: '不锈钢', CER: '陶瓷', GLS: '玻璃', BMB: '竹制', CTN: '纯棉', LIN: '亚麻',
    SLK: '真丝', M1: '1米', M2: '2米', M3: '3米', USBC: 'Type-C', LTG: 'Lightning', S01: '01象牙白',
    S02: '02自然色', S03: '03蜂蜜色', S04: '04焦糖色', S05: '05摩卡色', S06: '06浓咖色', ML30: '30毫升',
    ML50: '50毫升', ML100: '100毫升', TWN: '1.5米床', QUN: '1.8米床', KNG: '2米床', ONE: '均码',
  },
  firstNames: given,
  lastNames: surnames,
  personName: (first, last) => `${last}${first}`,
  emailName: (_first, _last, firstIndex, lastIndex) =>
    `${surnamePinyin[lastIndex] ?? 'user'}${givenPinyin[firstIndex] ?? ''}`,
  cities: ['上海', '北京', '广州', '深圳', '杭州', '南京', '苏州', '成都', '重庆', '武汉', '西安', '天津', '长沙', '郑州', '青岛', '厦门', '宁波', '合肥', '昆明', '沈阳'],
  phone: (digits) => `1${['38', '39', '50', '58', '86', '88'][Number(digits[0]) % 6] ?? '38'}${digits.slice(1, 9)}`,
  supplierNames: [
    '义乌华美纺织有限公司', '广州锦绣服饰厂', '泉州步步鞋业', '景德镇青花陶瓷', '宁波家和日用品',
    '深圳讯联电子科技', '上海美颜化妆品', '汕头童乐玩具厂', '阳江利刃刀具', '南通家纺有限公司',
    '东莞皮革制品厂', '温州配件贸易', '苏州香氛工坊', '杭州优品供应链', '青岛海运贸易', '嘉兴针织厂',
    '昆山包装材料', '东莞声学科技', '绍兴床品有限公司', '广州花颜生物科技',
  ],
  contactNames: ['王经理', '李总', '张小姐', '陈先生', '刘主管', '赵经理', '周女士'],
  paymentTerms: ['月结30天', '月结60天', '款到发货', '预付30%，发货前付清'],
  locationNames: {
    'WH-SH': '上海总仓', 'WH-NJ': '南京分仓', 'WH-GZ': '广州分仓', 'STORE-1': '静安门店', 'STORE-2': '杭州门店',
  },
  channelNames: {
    shopify: 'Shopify独立站', woocommerce: 'WooCommerce官网', tmall: '天猫旗舰店', douyin: '抖音小店',
    pos: '门店收银',
  },
  description: (title, category) => `${title}，${category}系列热销单品。`,
  promotionNames: {
    midYear: (year) => `${year} 618 年中大促 满减`,
    double11: (year) => `${year} 双11 狂欢节 满件折`,
    double12: (year) => `${year} 双12 家居周`,
    flashSale: '限时秒杀 — 滞销品清仓',
    winBack: '老客召回券 — 流失风险高价值客户',
    newArrivals: '新品周',
  },
};
