/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Generated once with NF_DUMP_CELLS=1 test-number -p /number/case-cells,
 * then read line by line: each is what a person should see. */
static const CaseCell case_cells[] = {
  { 0, "t1", 0, 0, NF_NUMBER_KIND_YEAR, "2013", "2013" }, /* 2013 */
  { 0, "t1", 0, 1, NF_NUMBER_KIND_COUNT, "5,200 customers", "5,200 customers" }, /* 5,200 */
  { 0, "t1", 1, 0, NF_NUMBER_KIND_YEAR, "2014", "2014" }, /* 2014 */
  { 0, "t1", 1, 1, NF_NUMBER_KIND_COUNT, "9,000+ customers", "9,000+ customers" }, /* over 9,000 */
  { 0, "t1", 2, 0, NF_NUMBER_KIND_YEAR, "2015", "2015" }, /* 2015 */
  { 0, "t1", 2, 1, NF_NUMBER_KIND_COUNT, "≈19,000 customers", "≈1.9万 customers" }, /* approximately 19,000 */
  { 1, "t1", 0, 1, NF_NUMBER_KIND_COUNT, "more than one billion", "more than one billion" }, /* more than one billion */
  { 1, "t1", 1, 1, NF_NUMBER_KIND_COUNT, "10 million+", "1,000万+" }, /* over 10 million */
  { 1, "t1", 2, 1, NF_NUMBER_KIND_COUNT, "350 million+", "3.5亿+" }, /* more than 350 million */
  { 1, "t1", 3, 1, NF_NUMBER_KIND_COUNT, "58", "58" }, /* 58 */
  { 2, "t1", 0, 1, NF_NUMBER_KIND_PERCENT, "15%", "15%" }, /* 15 */
  { 2, "t1", 0, 2, NF_NUMBER_KIND_MONEY, "$31.5 billion", "315亿美元" }, /* 31.5 Billion */
  { 2, "t1", 1, 1, NF_NUMBER_KIND_PERCENT, "12%", "12%" }, /* 12 */
  { 2, "t1", 1, 2, NF_NUMBER_KIND_MONEY, "$43 billion", "430亿美元" }, /* 43 Billion */
  { 2, "t1", 2, 1, NF_NUMBER_KIND_PERCENT, "10%", "10%" }, /* 10 */
  { 2, "t1", 2, 2, NF_NUMBER_KIND_MONEY, "$45 billion", "450亿美元" }, /* 45 Billion */
  { 2, "t1", 3, 1, NF_NUMBER_KIND_PERCENT, "8%", "8%" }, /* 8 */
  { 2, "t1", 3, 2, NF_NUMBER_KIND_MONEY, "$20 billion", "200亿美元" }, /* 20 Billion */
  { 2, "t2", 0, 0, NF_NUMBER_KIND_DURATION, "36 months", "36 months" }, /* 36 */
  { 2, "t2", 0, 1, NF_NUMBER_KIND_MONEY, "$600", "600美元" }, /* 600 */
  { 2, "t2", 0, 2, NF_NUMBER_KIND_COUNT, "25,000 vehicles", "2.5万 vehicles" }, /* 25,000 */
  { 2, "t2", 0, 3, NF_NUMBER_KIND_MONEY, "$15 million", "1,500万美元" }, /* 15,000,000 */
  { 2, "t3", 0, 0, NF_NUMBER_KIND_YEAR, "2023", "2023" }, /* 2023 */
  { 2, "t3", 0, 1, NF_NUMBER_KIND_COUNT, "30 million drivers", "3,000万 drivers" }, /* 30,000,000 */
  { 2, "t3", 0, 2, NF_NUMBER_KIND_MONEY, "$50 billion", "500亿美元" }, /* 50,000,000,000 */
  { 2, "t4", 0, 1, NF_NUMBER_KIND_OTHER, "200,000", "20万" }, /* 200,000 */
  { 2, "t4", 1, 1, NF_NUMBER_KIND_OTHER, "50,000", "5万" }, /* 50,000 */
  { 2, "t4", 2, 1, NF_NUMBER_KIND_OTHER, "5", "5" }, /* 5 */
  { 2, "t4", 3, 1, NF_NUMBER_KIND_OTHER, "1 million", "100万" }, /* 1,000,000 */
  { 2, "t5", 0, 2, NF_NUMBER_KIND_RATING, "4.7", "4.7" }, /* 4.7 */
  { 2, "t5", 1, 2, NF_NUMBER_KIND_RATING, "4.6", "4.6" }, /* 4.6 */
  { 2, "t5", 2, 2, NF_NUMBER_KIND_RATING, "4.5", "4.5" }, /* 4.5 */
  { 2, "t5", 3, 2, NF_NUMBER_KIND_RATING, "4.4", "4.4" }, /* 4.4 */
  { 2, "t6", 0, 1, NF_NUMBER_KIND_MONEY, "$1.5 million investment in 2023", "$1.5 million investment in 2023" }, /* $1.5 million investment in 2023 */
  { 2, "t6", 0, 2, NF_NUMBER_KIND_PERCENT, "Increased satisfaction by 25%", "Increased satisfaction by 25%" }, /* Increased satisfaction by 25% */
  { 2, "t6", 1, 1, NF_NUMBER_KIND_PERCENT, "70% of customers utilized this service", "70% of customers utilized this service" }, /* 70% of customers utilized this service */
  { 2, "t6", 1, 2, NF_NUMBER_KIND_PERCENT, "Reduced churn rates by 30%", "Reduced churn rates by 30%" }, /* Reduced churn rates by 30% */
  { 2, "t6", 2, 2, NF_NUMBER_KIND_PERCENT, "Engaged 85% of the customer base", "Engaged 85% of the customer base" }, /* Engaged 85% of the customer base */
  { 2, "t6", 3, 2, NF_NUMBER_KIND_PERCENT, "60% participation rate", "60% participation rate" }, /* 60% participation rate */
  { 2, "t6", 4, 2, NF_NUMBER_KIND_PERCENT, "40% increase in repeat transactions", "40% increase in repeat transactions" }, /* 40% increase in repeat transactions */
  { 2, "t7", 0, 0, NF_NUMBER_KIND_OTHER, "1 million", "100万" }, /* 1,000,000 */
  { 2, "t7", 0, 1, NF_NUMBER_KIND_OTHER, "2 million", "200万" }, /* 2,000,000 */
  { 2, "t8", 0, 0, NF_NUMBER_KIND_OTHER, "500,000", "50万" }, /* 500,000 */
  { 2, "t8", 0, 1, NF_NUMBER_KIND_PERCENT, "80%", "80%" }, /* 80% */
  { 2, "t8", 0, 2, NF_NUMBER_KIND_RATING, "4.6 stars", "4.6 stars" }, /* 4.6 stars */
  { 2, "t9", 0, 0, NF_NUMBER_KIND_OTHER, "10,000", "1万" }, /* 10,000 */
  { 2, "t9", 0, 1, NF_NUMBER_KIND_DURATION, "2 minutes", "2 minutes" }, /* 2 minutes */
  { 2, "t9", 0, 2, NF_NUMBER_KIND_PERCENT, "90%", "90%" }, /* 90% */
  { 2, "t10", 0, 0, NF_NUMBER_KIND_OTHER, "300,000", "30万" }, /* 300,000 */
  { 2, "t10", 0, 1, NF_NUMBER_KIND_PERCENT, "25%", "25%" }, /* 25% */
  { 2, "t11", 0, 1, NF_NUMBER_KIND_OTHER, "50", "50" }, /* 50 */
  { 2, "t12", 0, 1, NF_NUMBER_KIND_COUNT, "7 million drivers", "700万 drivers" }, /* 7 million */
  { 2, "t12", 0, 2, NF_NUMBER_KIND_MONEY, "$3,000", "3,000美元" }, /* $3,000 */
  { 2, "t12", 0, 3, NF_NUMBER_KIND_PERCENT, "15% per year", "15% per year" }, /* 15% per year */
  { 2, "t13", 0, 1, NF_NUMBER_KIND_PERCENT, "99%", "99%" }, /* 99% */
  { 2, "t13", 0, 2, NF_NUMBER_KIND_MONEY, "$40 billion", "400亿美元" }, /* $40 billion */
  { 2, "t13", 0, 3, NF_NUMBER_KIND_PERCENT, "10% annually", "10% annually" }, /* 10% annually */
  { 2, "t14", 0, 1, NF_NUMBER_KIND_PERCENT, "60%", "60%" }, /* 60% */
  { 2, "t14", 0, 2, NF_NUMBER_KIND_COUNT, "500 million users", "5亿 users" }, /* 500 million */
  { 2, "t14", 0, 3, NF_NUMBER_KIND_MONEY, "$100 billion", "1,000亿美元" }, /* $100 billion */
  { 2, "t15", 0, 1, NF_NUMBER_KIND_MONEY, "$22.6 billion", "226亿美元" }, /* $22.6 billion */
  { 2, "t15", 0, 2, NF_NUMBER_KIND_COUNT, "2 million vehicles", "200万 vehicles" }, /* 2 million */
  { 2, "t15", 0, 3, NF_NUMBER_KIND_PERCENT, "12% annually", "12% annually" }, /* 12% annually */
  { 2, "t16", 0, 1, NF_NUMBER_KIND_COUNT, "300 million", "3亿" }, /* 300 million */
  { 2, "t16", 0, 2, NF_NUMBER_KIND_COUNT, "300 million commuters", "3亿 commuters" }, /* 300 million */
  { 2, "t16", 0, 3, NF_NUMBER_KIND_MONEY, "$10", "10美元" }, /* $10 */
  { 2, "t17", 0, 1, NF_NUMBER_KIND_MONEY, "$1.2 million", "120万美元" }, /* 1,200,000 */
  { 2, "t17", 1, 1, NF_NUMBER_KIND_MONEY, "$500,000", "50万美元" }, /* 500,000 */
  { 2, "t17", 2, 1, NF_NUMBER_KIND_MONEY, "$300,000", "30万美元" }, /* 300,000 */
  { 2, "t17", 3, 1, NF_NUMBER_KIND_MONEY, "$200,000", "20万美元" }, /* 200,000 */
  { 2, "t17", 4, 1, NF_NUMBER_KIND_MONEY, "$100,000", "10万美元" }, /* 100,000 */
  { 2, "t18", 0, 1, NF_NUMBER_KIND_COUNT, "15 employees", "15 employees" }, /* 15 */
  { 2, "t18", 0, 2, NF_NUMBER_KIND_MONEY, "$1.2 million", "120万美元" }, /* 1,200,000 */
  { 2, "t18", 1, 1, NF_NUMBER_KIND_COUNT, "8 employees", "8 employees" }, /* 8 */
  { 2, "t18", 1, 2, NF_NUMBER_KIND_MONEY, "$600,000", "60万美元" }, /* 600,000 */
  { 2, "t18", 2, 1, NF_NUMBER_KIND_COUNT, "10 employees", "10 employees" }, /* 10 */
  { 2, "t18", 2, 2, NF_NUMBER_KIND_MONEY, "$700,000", "70万美元" }, /* 700,000 */
  { 2, "t18", 3, 1, NF_NUMBER_KIND_COUNT, "5 employees", "5 employees" }, /* 5 */
  { 2, "t18", 3, 2, NF_NUMBER_KIND_MONEY, "$300,000", "30万美元" }, /* 300,000 */
  { 2, "t19", 0, 1, NF_NUMBER_KIND_MONEY, "$9.5 million", "950万美元" }, /* 9,500,000 */
  { 2, "t19", 0, 2, NF_NUMBER_KIND_YEAR, "2022", "2022" }, /* 2022 */
  { 2, "t19", 1, 1, NF_NUMBER_KIND_MONEY, "$4 million", "400万美元" }, /* 4,000,000 */
  { 2, "t19", 1, 2, NF_NUMBER_KIND_YEAR, "2022", "2022" }, /* 2022 */
  { 2, "t19", 2, 1, NF_NUMBER_KIND_MONEY, "$2.3 million", "230万美元" }, /* 2,300,000 */
  { 2, "t19", 2, 2, NF_NUMBER_KIND_YEAR, "2022", "2022" }, /* 2022 */
  { 2, "t19", 3, 1, NF_NUMBER_KIND_MONEY, "$1.5 million", "150万美元" }, /* 1,500,000 */
  { 2, "t19", 3, 2, NF_NUMBER_KIND_YEAR, "2022", "2022" }, /* 2022 */
  { 2, "t19", 4, 1, NF_NUMBER_KIND_MONEY, "$600,000", "60万美元" }, /* 600,000 */
  { 2, "t19", 4, 2, NF_NUMBER_KIND_YEAR, "2022", "2022" }, /* 2022 */
  { 2, "t20", 0, 1, NF_NUMBER_KIND_MONEY, "$5.6 million", "560万美元" }, /* $5,600,000 */
  { 2, "t21", 0, 1, NF_NUMBER_KIND_MONEY, "$3 million", "300万美元" }, /* $3,000,000 */
  { 3, "t1", 0, 1, NF_NUMBER_KIND_COUNT, "nearly 200人", "近200人" }, /* 近200人 */
  { 3, "t1", 1, 1, NF_NUMBER_KIND_PERCENT, "85%", "85%" }, /* 85% */
  { 3, "t2", 0, 1, NF_NUMBER_KIND_PERCENT, "≈2%", "≈2%" }, /* 2%左右 */
  { 3, "t2", 1, 1, NF_NUMBER_KIND_PERCENT, "30%", "30%" }, /* 30% */
  { 3, "t3", 0, 1, NF_NUMBER_KIND_COUNT, "21个", "21个" }, /* 21个 */
  { 3, "t3", 1, 1, NF_NUMBER_KIND_COUNT, "12个", "12个" }, /* 12个 */
  { 3, "t3", 2, 1, NF_NUMBER_KIND_DURATION, "60 days", "60天" }, /* 60天 */
  { 3, "t4", 0, 1, NF_NUMBER_KIND_COUNT, "6,000辆", "6,000辆" }, /* 6,000辆 */
  { 3, "t4", 1, 1, NF_NUMBER_KIND_COUNT, "600+人", "600+人" }, /* 600多人 */
  { 3, "t4", 2, 1, NF_NUMBER_KIND_COUNT, "6,000个", "6,000个" }, /* 6,000个 */
  { 3, "t4", 3, 1, NF_NUMBER_KIND_OTHER, "nearly 100 million", "近1亿" }, /* 近1个亿 */
  { 3, "t5", 0, 1, NF_NUMBER_KIND_PERCENT, "11%", "11%" }, /* 11% */
  { 3, "t5", 1, 1, NF_NUMBER_KIND_COUNT, "nearly 200,000台", "近20万台" }, /* 近20万台 */
  { 3, "t5", 2, 1, NF_NUMBER_KIND_COUNT, "1 million份", "100万份" }, /* 100万份 */
  { 3, "t6", 0, 1, NF_NUMBER_KIND_COUNT, "22.35 million辆", "2,235.1万辆" }, /* 2,235.1万辆 */
  { 3, "t6", 1, 1, NF_NUMBER_KIND_PERCENT, "5.8%", "5.8%" }, /* 5.8% */
  { 3, "t6", 2, 1, NF_NUMBER_KIND_COUNT, "21.07 million辆", "2,107.3万辆" }, /* 2107.3万辆 */
  { 3, "t6", 3, 1, NF_NUMBER_KIND_PERCENT, "9.2%", "9.2%" }, /* 9.2% */
  { 3, "t7", 0, 0, NF_NUMBER_KIND_MONEY, "20 billion yuan+", "200亿元+" }, /* 突破200亿元 */
  { 3, "t7", 0, 1, NF_NUMBER_KIND_PERCENT, "38.5%", "38.5%" }, /* 38.5% */
  { 3, "t7", 0, 2, NF_NUMBER_KIND_PERCENT, "37.5%", "37.5%" }, /* 37.5% */
  { 3, "t8", 0, 1, NF_NUMBER_KIND_COUNT, "100+个", "100+个" }, /* 100多个 */
  { 3, "t8", 1, 1, NF_NUMBER_KIND_OTHER, "21 million+", "2,100万+" }, /* 2100多万 */
  { 3, "t8", 2, 1, NF_NUMBER_KIND_PERCENT, "≈10%", "≈10%" }, /* 10%左右 */
  { 3, "t8", 3, 1, NF_NUMBER_KIND_OTHER, "10 trillion-level", "10万亿级" }, /* 10万亿级 */
  { 3, "t9", 1, 1, NF_NUMBER_KIND_OTHER, "最多千万级别", "最多千万级别" }, /* 最多千万级别 */
  { 3, "t9", 2, 1, NF_NUMBER_KIND_OTHER, "上亿", "上亿" }, /* 上亿 */
  { 3, "t10", 0, 1, NF_NUMBER_KIND_PERCENT, "80%", "80%" }, /* 80% */
};
