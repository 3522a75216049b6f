// English word lists for the demo shop (US shop, USD, New York time).
import type { Words } from './words.js';

const firstNames = [
  'Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'Elijah', 'Sophia', 'James', 'Isabella', 'Lucas', 'Mia', 'Mason',
  'Amelia', 'Ethan', 'Harper', 'Logan', 'Evelyn', 'Aiden', 'Abigail', 'Jackson', 'Emily', 'Carter', 'Ella',
  'Owen', 'Grace', 'Wyatt', 'Chloe', 'Henry', 'Lily', 'Daniel', 'Zoe', 'Samuel', 'Nora', 'Leo', 'Hannah',
  'Julian', 'Aria', 'Isaac', 'Layla', 'Gabriel', 'Maya', 'David', 'Riley', 'Joseph', 'Sarah', 'Anthony',
];
const lastNames = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee',
  'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker',
  'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams',
  'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Chen',
];

export const wordsEn: Words = {
  shopName: 'Demo shop — Northwind Outfitters',
  currency: 'USD',
  timeZone: 'America/New_York',
  country: 'US',
  joiner: ' ',
  categories: {
    apparel: 'Apparel', hoodies: 'Hoodies', tshirts: 'T-shirts', dresses: 'Dresses', jeans: 'Jeans',
    jackets: 'Jackets', footwear: 'Footwear', sneakers: 'Sneakers', boots: 'Boots', sandals: 'Sandals',
    home: 'Home', kitchen: 'Kitchen', bedding: 'Bedding', decor: 'Decor', beauty: 'Beauty',
    skincare: 'Skincare', makeup: 'Makeup', electronics: 'Electronics accessories',
    chargers: 'Chargers & cables', cases: 'Phone cases', headphones: 'Headphones', toys: 'Toys',
    building: 'Building sets', plush: 'Plush toys',
  },
  nouns: {
    hoodies: ['Hoodie', 'Zip Hoodie', 'Pullover Hoodie', 'Sweatshirt'],
    tshirts: ['Tee', 'T-Shirt', 'Pocket Tee', 'Long Sleeve Tee', 'Polo'],
    dresses: ['Dress', 'Midi Dress', 'Wrap Dress', 'Shirt Dress', 'Maxi Dress'],
    jeans: ['Jeans', 'Slim Jeans', 'Straight Jeans', 'Wide-Leg Jeans'],
    jackets: ['Jacket', 'Puffer Jacket', 'Windbreaker', 'Denim Jacket', 'Parka'],
    sneakers: ['Sneakers', 'Runners', 'Court Shoes', 'Trainers'],
    boots: ['Boots', 'Chelsea Boots', 'Hiking Boots', 'Ankle Boots'],
    sandals: ['Sandals', 'Slides', 'Flip-Flops'],
    kitchen: ['Mug', 'Bowl Set', 'Chef Knife', 'Frying Pan', 'Teapot', 'Cutting Board', 'Storage Jar'],
    bedding: ['Duvet Cover', 'Sheet Set', 'Pillowcase Pair', 'Throw Blanket'],
    decor: ['Vase', 'Candle Holder', 'Wall Clock', 'Photo Frame', 'Table Lamp'],
    skincare: ['Face Cream', 'Serum', 'Cleanser', 'Sunscreen', 'Toner', 'Eye Cream'],
    makeup: ['Lipstick', 'Foundation', 'Mascara', 'Blush', 'Concealer'],
    chargers: ['Fast Charger', 'USB-C Cable', 'Power Bank', 'Wireless Charger', 'Car Charger'],
    cases: ['Phone Case', 'Clear Case', 'Wallet Case', 'Rugged Case'],
    headphones: ['Earbuds', 'Headphones', 'Sport Earphones', 'Gaming Headset'],
    building: ['Building Set', 'Brick Kit', 'Robot Kit', 'Castle Set'],
    plush: ['Plush Bear', 'Plush Bunny', 'Plush Dino', 'Cuddly Cat'],
  },
  adjectives: [
    'Classic', 'Essential', 'Everyday', 'Urban', 'Vintage', 'Premium', 'Relaxed', 'Modern', 'Cozy', 'Coastal',
    'Nordic', 'Heritage', 'Studio', 'Weekend', 'Trail', 'Signature', 'Soft', 'Bold', 'Minimal', 'Retro',
  ],
  qualifiers: {
    apparel: ['Cotton', 'Fleece', 'Linen', 'Organic', 'Stretch', 'Oversized', 'Slim-Fit', 'Recycled'],
    footwear: ['Leather', 'Suede', 'Canvas', 'Waterproof', 'Lightweight', 'Knit'],
    fragile: ['Ceramic', 'Stoneware', 'Glass', 'Handmade', 'Porcelain', 'Marble'],
    electronics: ['65W', '20W', 'Magnetic', 'Braided', 'Noise-Cancelling', 'Bluetooth', 'Slim'],
    general: ['Hydrating', 'Gentle', 'Natural', 'Deluxe', 'Mini', 'Giant', 'Linen', 'Cotton'],
  },
  brands: [
    'Northwind', 'Harbor & Pine', 'Alder Co.', 'Lumen', 'Brightfield', 'Copper Lane', 'Kestrel', 'Oakmoor',
    'Bluecrest', 'Fable & Fern', 'Ironbark', 'Saltmarsh', 'Juniper', 'Voltix', 'Tinker Town', 'Glowhaus',
  ],
  tags: [
    'new', 'bestseller', 'sale', 'eco', 'gift', 'summer', 'winter', 'limited', 'online-only', 'bundle',
    'vegan', 'clearance', 'back-in-stock', 'staff-pick',
  ],
  optionNames: {
    colour: 'Colour', size: 'Size', material: 'Material', length: 'Length', connector: 'Connector',
    shade: 'Shade', volume: 'Volume', bed: 'Bed size',
  },
  values: {
    BLK: 'Black', WHT: 'White', NAV: 'Navy', GRY: 'Grey', RED: 'Red', GRN: 'Green', BEI: 'Beige', PNK: 'Pink',
    BLU: 'Blue', BRN: 'Brown', STL: 'Stainless steel', CER: 'Ceramic', GLS: 'Glass', BMB: 'Bamboo',
    CTN: 'Cotton', LIN: 'Linen', SLK: 'Silk', M1: '1 m', M2: '2 m', M3: '3 m', USBC: 'USB-C', LTG: 'Lightning',
    S01: 'Ivory', S02: 'Sand', S03: 'Honey', S04: 'Caramel', S05: 'Mocha', S06: 'Espresso', ML30: '30 ml',
    ML50: '50 ml', ML100: '100 ml', TWN: 'Twin', QUN: 'Queen', KNG: 'King', ONE: 'One size',
  },
  firstNames,
  lastNames,
  personName: (first, last) => `${first} ${last}`,
  emailName: (first, last) => `${first}.${last}`.toLowerCase(),
  cities: [
    'New York', 'Los Angeles', 'Chicago', 'Houston', 'Phoenix', 'Philadelphia', 'San Antonio', 'San Diego',
    'Dallas', 'Austin', 'Seattle', 'Denver', 'Boston', 'Portland', 'Atlanta', 'Miami', 'Minneapolis',
    'Nashville', 'Baltimore', 'Charlotte', 'Columbus', 'Detroit', 'Salt Lake City', 'Raleigh',
  ],
  phone: (digits) => `+1 555-${digits.slice(0, 3)}-${digits.slice(3, 7)}`,
  supplierNames: [
    'Pacific Textile Co.', 'Evergreen Apparel Mfg.', 'Summit Footwear Ltd.', 'Blue River Ceramics',
    'Maple Home Goods', 'Brightline Electronics', 'Keystone Cosmetics', 'Sunny Toy Works', 'Granite Kitchenware',
    'Coastal Linen Supply', 'Redwood Leather Co.', 'Metro Accessories Inc.', 'Prairie Candle Co.',
    'Atlas Sourcing Group', 'Harbor Logistics Trading', 'Northstar Knitwear', 'Cedar Packaging',
    'Silverline Audio', 'Willow Bedding Co.', 'Orchard Beauty Labs',
  ],
  contactNames: ['Karen Liu', 'Mark Evans', 'Priya Patel', 'Tom Becker', 'Ana Souza', 'Greg Novak', 'Lisa Park'],
  paymentTerms: ['Net 30', 'Net 45', 'Net 60', 'Prepaid', '50% deposit, 50% on shipment'],
  locationNames: {
    'WH-SH': 'Main warehouse (Secaucus)', 'WH-NJ': 'East warehouse (Newark)', 'WH-GZ': 'West warehouse (Reno)',
    'STORE-1': 'Flagship store (Brooklyn)', 'STORE-2': 'Outlet store (Philadelphia)',
  },
  channelNames: {
    shopify: 'Shopify store', woocommerce: 'WooCommerce site', tmall: 'Tmall Global', douyin: 'Douyin shop',
    pos: 'POS in-store',
  },
  description: (title, category) => `${title}. Part of our ${category.toLowerCase()} range.`,
  promotionNames: {
    midYear: (year) => `618 Mid-year sale ${year} — spend & save`,
    double11: (year) => `Double 11 ${year} — buy more, save more`,
    double12: (year) => `Double 12 ${year} — home week`,
    flashSale: 'Flash sale — slow movers clearance',
    winBack: 'Win-back coupon — at-risk big spenders',
    newArrivals: 'New arrivals week',
  },
};
