package ru.metodichka;
public class Main { public static void main(String[] a) {} }
